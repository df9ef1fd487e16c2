// The process designer's canvas (bpmn-js Modeler with our rjh moddle extension) behind DesignerPage.razor,
// loaded through Blazor's JS interop as an ES module only on /designer/{key}. The properties are edited in the
// page itself (Blazor, fed by the activity catalog on the server): this module reports the selected element as a
// plain snapshot and applies each edit as one command on bpmn-js' command stack, so undo/redo covers them.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import lintModule from 'bpmn-js-bpmnlint';
import lintConfig from './lint.js';
import rjhModdle from './rjh-moddle.json';

const ZOOM_STEP = 1.25;
// Edits arrive in bursts while drawing; the server checks the model once the person pauses.
const CHANGE_DEBOUNCE_MS = 700;

let stylesLoaded;
function loadStyles() {
  stylesLoaded ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./designer.css', import.meta.url).href;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`The designer's stylesheet ${link.href} did not load.`));
    document.head.appendChild(link);
  });
  return stylesLoaded;
}

const isAny = (bo, types) => types.some(t => bo?.$instanceOf?.(t));

// What the properties panel can attach to an activity and append after an element without a mouse: the
// keyboard way to draw, and the way a person adds a reminder without dragging events onto task borders.
const BOUNDARY_KINDS = {
  reminder: { definition: 'bpmn:TimerEventDefinition', cancel: false },
  deadline: { definition: 'bpmn:TimerEventDefinition', cancel: true },
  message: { definition: 'bpmn:MessageEventDefinition', cancel: false },
  'message-interrupting': { definition: 'bpmn:MessageEventDefinition', cancel: true },
  error: { definition: 'bpmn:ErrorEventDefinition', cancel: true },
};
const APPENDABLE = ['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway', 'bpmn:EndEvent'];

function eventDefinitionOf(bo) {
  return (bo.eventDefinitions ?? [])[0];
}

function extensionItems(bo, type) {
  return (bo.extensionElements?.values ?? []).filter(v => v.$type === type)
    .map(v => ({ name: v.name ?? '', expression: v.expression ?? '' }));
}

function processOf(root) {
  const bo = root.businessObject;
  if (bo.$type === 'bpmn:Collaboration') return bo.participants?.find(p => p.processRef)?.processRef ?? null;
  return bo;
}

/** What the properties panel shows of an element: plain data, no moddle objects. */
function snapshot(element, root) {
  const bo = element?.businessObject;
  // Before the first import (and while one runs) the canvas has no BPMN root yet.
  if (!bo || !root?.businessObject) return null;
  const definition = eventDefinitionOf(bo);
  const timerOf = d => {
    for (const kind of ['timeDuration', 'timeDate', 'timeCycle']) if (d[kind]) return { kind, value: d[kind].body ?? '' };
    return { kind: 'timeDuration', value: '' };
  };
  const process = element === root ? processOf(root) : null;
  return {
    id: process?.id ?? bo.id,
    type: (process ?? bo).$type.replace(/^bpmn:/, ''),
    name: (process ?? bo).name ?? '',
    isProcess: !!process,
    activity: bo.get?.('rjh:activity') ?? null,
    inputs: extensionItems(bo, 'rjh:Input'),
    outputs: extensionItems(bo, 'rjh:Output'),
    assignee: bo.get?.('rjh:assignee') ?? null,
    candidateRoles: bo.get?.('rjh:candidateRoles') ?? null,
    formKey: bo.get?.('rjh:formKey') ?? null,
    dueIn: bo.get?.('rjh:dueIn') ?? null,
    starterRoles: process?.get('rjh:starterRoles') ?? null,
    startCondition: process?.get('rjh:startCondition') ?? null,
    correlationKey: bo.get?.('rjh:correlationKey') ?? null,
    eventKind: definition ? definition.$type.replace(/^bpmn:/, '') : null,
    messageName: definition?.messageRef?.name ?? null,
    timerKind: definition?.$type === 'bpmn:TimerEventDefinition' ? timerOf(definition).kind : null,
    timerValue: definition?.$type === 'bpmn:TimerEventDefinition' ? timerOf(definition).value : null,
    cancelActivity: bo.$type === 'bpmn:BoundaryEvent' ? bo.cancelActivity !== false : null,
    condition: bo.$type === 'bpmn:SequenceFlow' ? (bo.conditionExpression?.body ?? '') : null,
    isDefaultFlow: bo.$type === 'bpmn:SequenceFlow' && bo.sourceRef?.default === bo,
    calledElement: bo.$type === 'bpmn:CallActivity' ? (bo.calledElement ?? '') : null,
  };
}

/** Every named or typed element, for the page's element list (keyboard users' way to select). */
function listElements(registry) {
  return registry.filter(e => e.type !== 'label' && !e.type.startsWith('bpmndi') && e.businessObject?.id)
    .filter(e => !['bpmn:Process', 'bpmn:Collaboration'].includes(e.type))
    .map(e => ({ id: e.id, type: e.type.replace(/^bpmn:/, ''), name: e.businessObject.name ?? '' }));
}

// bpmn-js and bpmnlint speak English; the lint button and the messages of the rules we use follow the page's
// language (the rest of bpmn-js, its palette and menus, stays English as before). Templates keep their {names}.
const SWEDISH = {
  'No Issues': 'Inga problem',
  '{errors} Errors, {warnings} Warnings': '{errors} fel, {warnings} varningar',
  'Toggle linting overlays': 'Visa eller dölj granskningens markeringar',
  'Issues for child elements': 'Problem i element inuti',
  'Sequence flow is missing condition': 'Flödet saknar villkor',
  'Element is not connected': 'Elementet är inte kopplat',
  'SequenceFlow is a duplicate': 'Flödet finns redan',
  'Duplicate outgoing sequence flows': 'Dubbla utgående flöden',
  'Duplicate incoming sequence flows': 'Dubbla inkommande flöden',
  'Element is an implicit end': 'Elementet slutar utan sluthändelse',
  'Flow splits implicitly': 'Flödet delas utan gateway',
  'Element is an implicit start': 'Elementet börjar utan starthändelse',
  'Event has multiple event definitions': 'Händelsen har flera definitioner',
  'Gateway is superfluous. It only has one source and target.': 'Gatewayen behövs inte: den har ett flöde in och ett ut.',
  'Process is missing start event': 'Processen saknar starthändelse',
  'Process is missing end event': 'Processen saknar sluthändelse',
};

function translate(template, replacements = {}) {
  const text = document.documentElement.lang?.startsWith('en') ? template : (SWEDISH[template] ?? template);
  return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}

/** A modeler inside the container; <paramref>page</paramref> is the Blazor page's DotNetObjectReference. */
export function create(container, page) {
  const modeler = new Modeler({
    container,
    moddleExtensions: { rjh: rjhModdle },
    // Lint while drawing: each change is checked in the browser at once, so a mistake shows before saving.
    additionalModules: [lintModule, { translate: ['value', translate] }],
    linting: { bpmnlint: lintConfig, active: true },
  });
  const get = name => modeler.get(name);
  const canvas = () => get('canvas');
  const registry = () => get('elementRegistry');
  const modeling = () => get('modeling');
  const moddle = () => get('moddle');
  let selected = null;
  let changeTimer = null;
  let diagnostics = [];

  // The canvas (the focusable SVG, where bpmn-js' keys work) carries the page's label and keyboard help.
  const svg = container.querySelector('.djs-container > svg');
  if (svg) {
    svg.setAttribute('role', 'application');
    for (const attribute of ['aria-label', 'aria-describedby']) {
      svg.setAttribute(attribute, container.dataset[attribute === 'aria-label' ? 'label' : 'describedby']);
    }
  }

  const current = () => selected && registry().get(selected.id) ? registry().get(selected.id) : canvas().getRootElement();
  let imported = false;
  const report = () => {
    const shown = imported ? snapshot(current(), canvas().getRootElement()) : null;
    if (shown) page.invokeMethodAsync('Selected', shown);
  };

  get('eventBus').on('selection.changed', ({ newSelection }) => {
    selected = newSelection.length === 1 ? newSelection[0] : null;
    report();
  });
  get('eventBus').on('commandStack.changed', () => {
    report();
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => page.invokeMethodAsync('Changed'), CHANGE_DEBOUNCE_MS);
  });

  /** Sets attributes (rjh:... or plain) of the element or process, one undo step. */
  function update(id, properties) {
    const element = id ? registry().get(id) : null;
    const target = element ?? canvas().getRootElement();
    const bo = element ? element.businessObject : processOf(target);
    const values = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v === '' ? undefined : v]));
    if (element || bo === target.businessObject) modeling().updateProperties(target, values);
    else modeling().updateModdleProperties(target, bo, values);
  }

  function withExtensions(bo, replace) {
    const current = bo.extensionElements?.values ?? [];
    const others = current.filter(v => v.$type !== 'rjh:Input' && v.$type !== 'rjh:Output');
    return moddle().create('bpmn:ExtensionElements', { values: [...others, ...replace] });
  }

  function items(inputs, outputs) {
    const make = (type, list) => (list ?? []).filter(i => i.expression !== '')
      .map(i => moddle().create(type, { name: i.name, expression: i.expression }));
    return [...make('rjh:Input', inputs), ...make('rjh:Output', outputs)];
  }

  return {
    async open(xml) {
      await loadStyles();
      selected = null;
      diagnostics = [];
      imported = false;
      const { warnings } = await modeler.importXML(xml);
      imported = true;
      canvas().zoom('fit-viewport', 'auto');
      container.dataset.rendered = 'true';
      return { warnings: warnings.map(w => w.message), elements: listElements(registry()) };
    },

    elements() { return listElements(registry()); },

    current() { return snapshot(current(), canvas().getRootElement()); },

    select(id) {
      const element = registry().get(id);
      if (!element) return;
      get('selection').select(element);
      canvas().scrollToElement(element);
    },

    clearSelection() { get('selection').select(null); },

    update,

    /** Activity type plus all inputs/outputs in one command: one undo step. */
    setActivity(id, activity, inputs, outputs) {
      const element = registry().get(id);
      const bo = element.businessObject;
      modeling().updateProperties(element, {
        'rjh:activity': activity || undefined,
        extensionElements: withExtensions(bo, items(inputs, outputs)),
      });
    },

    /** The message a message event waits for, by name (the bpmn:Message is shared or created). */
    setMessage(id, name) {
      const element = registry().get(id);
      const definition = eventDefinitionOf(element.businessObject);
      const definitions = canvas().getRootElement().businessObject.$parent;
      let message = definitions.rootElements.find(r => r.$type === 'bpmn:Message' && r.name === name);
      if (!message && name) {
        message = moddle().create('bpmn:Message', { id: 'Message_' + name.replace(/[^A-Za-z0-9_]/g, '_'), name });
        modeling().updateModdleProperties(element, definitions, { rootElements: [...definitions.rootElements, message] });
      }
      modeling().updateModdleProperties(element, definition, { messageRef: message ?? undefined });
    },

    /** A boundary event of the kind (BOUNDARY_KINDS) on the activity's lower border, selected; returns its id. */
    attach(hostId, kind) {
      const host = registry().get(hostId);
      const spec = BOUNDARY_KINDS[kind];
      if (!host || !spec || !isAny(host.businessObject, ['bpmn:Activity'])) return null;
      const shape = get('elementFactory').createShape({ type: 'bpmn:BoundaryEvent', eventDefinitionType: spec.definition });
      // Set before the shape joins the model, so creating it stays one command (one undo step).
      shape.businessObject.cancelActivity = spec.cancel;
      const slot = (host.attachers?.length ?? 0) % 3;
      const position = { x: host.x + host.width * (0.25 + 0.25 * slot), y: host.y + host.height };
      modeling().createShape(shape, position, host, { attach: true });
      get('selection').select(shape);
      return shape.id;
    },

    /** A new element of the type after the source, connected and placed by bpmn-js, selected; returns its id. */
    append(sourceId, type) {
      const source = registry().get(sourceId);
      if (!source || !APPENDABLE.includes(type)) return null;
      const shape = get('elementFactory').createShape({ type });
      get('autoPlace').append(source, shape);
      get('selection').select(shape);
      canvas().scrollToElement(shape);
      return shape.id;
    },

    setTimer(id, kind, value) {
      const element = registry().get(id);
      const definition = eventDefinitionOf(element.businessObject);
      const values = { timeDuration: undefined, timeDate: undefined, timeCycle: undefined };
      values[kind] = moddle().create('bpmn:FormalExpression', { body: value });
      modeling().updateModdleProperties(element, definition, values);
    },

    setCondition(id, expression) {
      const element = registry().get(id);
      modeling().updateProperties(element, {
        conditionExpression: expression ? moddle().create('bpmn:FormalExpression', { body: expression }) : undefined,
      });
    },

    /** Marks each diagnostic on its element (border and a badge) and returns the ids not in the diagram. */
    showDiagnostics(list) {
      const overlays = get('overlays');
      for (const id of diagnostics) {
        if (registry().get(id)) canvas().removeMarker(id, 'rjh-invalid');
      }
      overlays.remove({ type: 'rjh-diagnostic' });
      diagnostics = [];
      const counts = new Map();
      for (const d of list) if (d.elementId && registry().get(d.elementId)) counts.set(d.elementId, [...(counts.get(d.elementId) ?? []), d.message]);
      for (const [id, messages] of counts) {
        canvas().addMarker(id, 'rjh-invalid');
        const badge = document.createElement('div');
        badge.className = 'rjh-diagnostic-badge';
        badge.dataset.elementId = id;
        badge.title = messages.join('\n');
        badge.textContent = String(messages.length);
        overlays.add(id, 'rjh-diagnostic', { position: { top: -10, right: 10 }, html: badge });
        diagnostics.push(id);
      }
      return diagnostics;
    },

    /** As bytes: a model easily exceeds the circuit's 32 KB message limit, a stream does not. */
    async xml() { return new TextEncoder().encode((await modeler.saveXML({ format: true })).xml); },

    async download(fileName, kind) {
      const { xml, svg: image } = kind === 'svg' ? await modeler.saveSVG() : await modeler.saveXML({ format: true });
      const blob = new Blob([kind === 'svg' ? image : xml], { type: kind === 'svg' ? 'image/svg+xml' : 'application/xml' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },

    undo() { get('commandStack').undo(); },
    redo() { get('commandStack').redo(); },
    zoomIn() { canvas().zoom(canvas().zoom() * ZOOM_STEP); },
    zoomOut() { canvas().zoom(canvas().zoom() / ZOOM_STEP); },
    fit() { canvas().zoom('fit-viewport', 'auto'); },

    destroy() {
      clearTimeout(changeTimer);
      modeler.destroy();
      delete container.dataset.rendered;
    },
  };
}

const describe = (id, model) => ({ id, type: (model?.$type ?? '').replace(/^bpmn:/, ''), name: model?.name ?? '' });

/**
 * Two versions compared with bpmn-js-differ: the newer one drawn read-only in the container with added, changed
 * and moved elements marked; returns the lists (removed elements exist only in the older version, so only listed).
 */
export async function compare(container, olderXml, newerXml, label) {
  await loadStyles();
  destroyCompare(container);
  const viewer = new NavigatedViewer({ container, moddleExtensions: { rjh: rjhModdle } });
  viewers.set(container, viewer);
  const moddle = viewer.get('moddle');
  const [older, newer] = await Promise.all([moddle.fromXML(olderXml), moddle.fromXML(newerXml)]);
  const changes = diff(older.rootElement, newer.rootElement);
  await viewer.importXML(newerXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  const svg = container.querySelector('.djs-container > svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', label);
  const mark = (ids, marker) => { for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker); };
  const added = Object.keys(changes._added);
  const changed = Object.keys(changes._changed);
  const moved = Object.keys(changes._layoutChanged).filter(id => !changes._changed[id] && !changes._added[id]);
  mark(added, 'rjh-added');
  mark(changed, 'rjh-changed');
  mark(moved, 'rjh-moved');
  container.dataset.rendered = 'true';
  return {
    added: added.map(id => describe(id, changes._added[id])),
    removed: Object.keys(changes._removed).map(id => describe(id, changes._removed[id])),
    changed: changed.map(id => ({ ...describe(id, changes._changed[id].model), attributes: Object.keys(changes._changed[id].attrs) })),
    moved: moved.map(id => describe(id, registry.get(id)?.businessObject)),
  };
}

const viewers = new WeakMap();

export function destroyCompare(container) {
  viewers.get(container)?.destroy();
  viewers.delete(container);
  delete container.dataset.rendered;
}
