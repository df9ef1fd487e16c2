// The designer's lint while drawing: bpmnlint's rules that fit the subset our engine runs, plus our own rules (rjh/...)
// for what the engine's reader would refuse on save. bpmnlint configs are usually precompiled by a bundler plugin;
// esbuild has none, so this module is the precompiled form: the rule names with their levels and a resolver that
// hands bpmnlint the imported rule factories. The server's reader stays the judge on save; this only warns earlier.
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import { is, isAny } from 'bpmnlint-utils';

// Our rules' messages in the page's language (the rules run in the browser, outside Blazor's resources).
const MESSAGES = {
  sv: {
    gatewayCondition: flow => `Flödet ${flow} från gatewayen saknar villkor och är inte standardflödet`,
    activity: () => 'Aktiviteten saknar aktivitetstyp',
    performer: () => 'Användaruppgiften saknar utförare (tilldelad eller kandidatroller)',
    form: () => 'Användaruppgiften saknar formulär',
  },
  en: {
    gatewayCondition: flow => `Flow ${flow} out of the gateway has no condition and is not the default flow`,
    activity: () => 'The task has no activity type',
    performer: () => 'The user task has no performer (assignee or candidate roles)',
    form: () => 'The user task has no form',
  },
};
const text = () => MESSAGES[document.documentElement.lang?.startsWith('en') ? 'en' : 'sv'];
const attribute = (node, name) => (node.get?.(name) ?? '').trim();

// An exclusive or inclusive gateway that splits takes the flows whose condition holds, else its default: a flow with
// neither could never be taken (and the engine's reader refuses it). Replaces bpmnlint's conditional-flows, which
// says nothing while a gateway has neither a default nor any condition.
function gatewayConditions() {
  return {
    check(node, reporter) {
      if (!isAny(node, ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']) || (node.outgoing ?? []).length < 2) return;
      for (const flow of node.outgoing) {
        if (!flow.conditionExpression && node.default !== flow) reporter.report(flow.id, text().gatewayCondition(flow.id));
      }
    },
  };
}

// The engine runs a service, send or business rule task through the activity its rjh:activity names.
function activityType() {
  return {
    check(node, reporter) {
      if (isAny(node, ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']) && !attribute(node, 'rjh:activity')) {
        reporter.report(node.id, text().activity());
      }
    },
  };
}

// A user task nobody may take stays open for ever; one without a form shows its performer nothing to fill in.
function userTaskPerformer() {
  return {
    check(node, reporter) {
      if (is(node, 'bpmn:UserTask') && !attribute(node, 'rjh:assignee') && !attribute(node, 'rjh:candidateRoles')) {
        reporter.report(node.id, text().performer());
      }
    },
  };
}

function userTaskForm() {
  return {
    check(node, reporter) {
      if (is(node, 'bpmn:UserTask') && !attribute(node, 'rjh:formKey')) reporter.report(node.id, text().form());
    },
  };
}

const RULES = {
  'bpmnlint/end-event-required': endEventRequired,
  'bpmnlint/event-based-gateway': eventBasedGateway,
  'bpmnlint/no-complex-gateway': noComplexGateway,
  'bpmnlint/no-disconnected': noDisconnected,
  'bpmnlint/no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'bpmnlint/no-implicit-end': noImplicitEnd,
  'bpmnlint/no-implicit-split': noImplicitSplit,
  'bpmnlint/no-implicit-start': noImplicitStart,
  'bpmnlint/single-blank-start-event': singleBlankStartEvent,
  'bpmnlint/single-event-definition': singleEventDefinition,
  'bpmnlint/start-event-required': startEventRequired,
  'bpmnlint/superfluous-gateway': superfluousGateway,
  'bpmnlint-plugin-rjh/gateway-conditions': gatewayConditions,
  'bpmnlint-plugin-rjh/activity-type': activityType,
  'bpmnlint-plugin-rjh/user-task-performer': userTaskPerformer,
  'bpmnlint-plugin-rjh/user-task-form': userTaskForm,
};

const resolver = {
  resolveRule(pkg, name) {
    const rule = RULES[`${pkg}/${name}`];
    if (!rule) throw new Error(`The designer's lint has no rule ${pkg}/${name}.`);
    return rule;
  },
  resolveConfig(pkg, name) { throw new Error(`The designer's lint has no config ${pkg}/${name}.`); },
};

// Left out: label-required and the layout rules (merge gateways and flows are unnamed in our models by design),
// fake-join (the engine merges several flows into a task as an exclusive join), no-inclusive-gateway (the engine runs
// them) and conditional-flows (rjh/gateway-conditions instead).
const config = {
  rules: {
    'end-event-required': 'error',
    'event-based-gateway': 'error',
    'no-complex-gateway': 'error',
    'no-disconnected': 'error',
    'no-duplicate-sequence-flows': 'error',
    'no-implicit-end': 'error',
    'no-implicit-split': 'error',
    'no-implicit-start': 'error',
    'single-blank-start-event': 'error',
    'single-event-definition': 'error',
    'start-event-required': 'error',
    'superfluous-gateway': 'warn',
    'rjh/gateway-conditions': 'error',
    'rjh/activity-type': 'error',
    'rjh/user-task-performer': 'error',
    'rjh/user-task-form': 'warn',
  },
};

export default { config, resolver };
