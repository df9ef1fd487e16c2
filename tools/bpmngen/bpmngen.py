"""Drafts the shipped BPMN models with a simple left-to-right layout (bpmn-js opens them; the designer
is where they are edited from now on). Run: python3 tools/bpmngen/models.py"""
from xml.sax.saxutils import escape, quoteattr

NS = ('xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
      'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
      'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xmlns:rjh="urn:rjh:device-workflows:1"')

SIZES = {'task': (100, 80), 'event': (36, 36), 'gateway': (50, 50)}


def a(name, value):
    return '' if value is None else f' {name}={quoteattr(value)}'


class Process:
    def __init__(self, pid, name, starter_roles=None, start_condition=None):
        self.id, self.name, self.starter_roles = pid, name, starter_roles
        self.start_condition = start_condition
        self.nodes = {}      # id -> dict(kind, shape, xml_open, body, tag)
        self.order = []
        self.flows = []      # (id, src, tgt, cond, name)
        self.boundaries = []  # ids
        self.messages = {}
        self.errors = {}
        self.defaults = {}

    # ---- elements -------------------------------------------------------------------
    def _add(self, nid, tag, shape, attrs='', body=''):
        assert nid not in self.nodes, nid
        self.nodes[nid] = dict(tag=tag, shape=shape, attrs=attrs, body=body)
        self.order.append(nid)
        return nid

    def start(self, nid, name, message=None, key=None):
        body = ''
        if message:
            body = f'<bpmn:messageEventDefinition messageRef="{self._message(message)}" />'
        return self._add(nid, 'startEvent', 'event', a('name', name) + a('rjh:correlationKey', key), body)

    def end(self, nid, name, terminate=False, error=None):
        body = '<bpmn:terminateEventDefinition />' if terminate else ''
        if error:
            body = f'<bpmn:errorEventDefinition errorRef="{self._error(error)}" />'
        return self._add(nid, 'endEvent', 'event', a('name', name), body)

    @staticmethod
    def _io(inputs, outputs):
        parts = [f'<rjh:input name="{n}" expression={quoteattr(e)} />' for n, e in inputs or []]
        parts += [f'<rjh:output name="{n}" expression={quoteattr(e)} />' for n, e in outputs or []]
        return f'<bpmn:extensionElements>{"".join(parts)}</bpmn:extensionElements>' if parts else ''

    @staticmethod
    def _mi(mi):
        if not mi:
            return ''
        return ('<bpmn:multiInstanceLoopCharacteristics'
                + a('isSequential', 'true' if mi.get('sequential') else None)
                + a('rjh:collection', mi['collection']) + a('rjh:elementVariable', mi.get('var'))
                + a('rjh:outputCollection', mi.get('out')) + a('rjh:outputElement', mi.get('element')) + ' />')

    def service(self, nid, name, activity, inputs=None, outputs=None, mi=None, tag='serviceTask'):
        return self._add(nid, tag, 'task', a('name', name) + a('rjh:activity', activity),
                         self._io(inputs, outputs) + self._mi(mi))

    def rule(self, nid, name, inputs=None, outputs=None):
        return self.service(nid, name, 'Policy.Evaluate', inputs, outputs, tag='businessRuleTask')

    def send(self, nid, name, inputs=None, outputs=None, mi=None):
        return self.service(nid, name, 'Notify.Email', inputs, outputs, mi=mi, tag='sendTask')

    def user(self, nid, name, form, assignee=None, roles=None, due=None, mi=None):
        return self._add(nid, 'userTask', 'task', a('name', name) + a('rjh:formKey', form) + a('rjh:assignee', assignee)
                         + a('rjh:candidateRoles', roles) + a('rjh:dueIn', due), self._mi(mi))

    def script(self, nid, name, code):
        return self._add(nid, 'scriptTask', 'task', a('name', name) + ' scriptFormat="javascript"',
                         f'<bpmn:script>{escape(code)}</bpmn:script>')

    def call(self, nid, name, called, mi=None):
        return self._add(nid, 'callActivity', 'task', a('name', name) + a('calledElement', called), self._mi(mi))

    def xgw(self, nid, name=None):
        return self._add(nid, 'exclusiveGateway', 'gateway', a('name', name))

    def pgw(self, nid, name=None):
        return self._add(nid, 'parallelGateway', 'gateway', a('name', name))

    def ebgw(self, nid, name=None):
        return self._add(nid, 'eventBasedGateway', 'gateway', a('name', name))

    @staticmethod
    def _timer(date=None, duration=None, cycle=None):
        if date:
            return f'<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{escape(date)}</bpmn:timeDate></bpmn:timerEventDefinition>'
        if duration:
            return f'<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{escape(duration)}</bpmn:timeDuration></bpmn:timerEventDefinition>'
        return f'<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">{escape(cycle)}</bpmn:timeCycle></bpmn:timerEventDefinition>'

    def timer(self, nid, name, **when):
        return self._add(nid, 'intermediateCatchEvent', 'event', a('name', name), self._timer(**when))

    def message(self, nid, name, message, key):
        return self._add(nid, 'intermediateCatchEvent', 'event', a('name', name) + a('rjh:correlationKey', key),
                         f'<bpmn:messageEventDefinition messageRef="{self._message(message)}" />')

    def boundary_timer(self, nid, name, host, interrupting=True, **when):
        self.boundaries.append(nid)
        return self._add(nid, 'boundaryEvent', 'event', a('name', name) + a('attachedToRef', host)
                         + ('' if interrupting else ' cancelActivity="false"'), self._timer(**when))

    def boundary_message(self, nid, name, host, message, key, interrupting=True):
        self.boundaries.append(nid)
        return self._add(nid, 'boundaryEvent', 'event', a('name', name) + a('attachedToRef', host)
                         + ('' if interrupting else ' cancelActivity="false"') + a('rjh:correlationKey', key),
                         f'<bpmn:messageEventDefinition messageRef="{self._message(message)}" />')

    def boundary_error(self, nid, name, host, code=None):
        self.boundaries.append(nid)
        ref = f' errorRef="{self._error(code)}"' if code else ''
        return self._add(nid, 'boundaryEvent', 'event', a('name', name) + a('attachedToRef', host),
                         f'<bpmn:errorEventDefinition{ref} />')

    def _message(self, name):
        return self.messages.setdefault(name, 'Message_' + name.replace('-', '_'))

    def _error(self, code):
        return self.errors.setdefault(code, 'Error_' + code.replace('-', '_'))

    # ---- flows ----------------------------------------------------------------------
    def flow(self, src, tgt, cond=None, name=None, default=False):
        fid = f'Flow_{src}_{tgt}'
        self.flows.append((fid, src, tgt, cond, name))
        if default:
            self.defaults[src] = fid
        return fid

    def chain(self, *ids):
        for s, t in zip(ids, ids[1:]):
            self.flow(s, t)

    # ---- output -----------------------------------------------------------------------
    def _layout(self):
        succ = {n: [] for n in self.nodes}
        for _, s, t, _, _ in self.flows:
            succ[s].append(t)
        hosts = {b: self._host(b) for b in self.boundaries}
        for b, h in hosts.items():
            succ[h].append(b)
        starts = [n for n in self.order if self.nodes[n]['tag'] == 'startEvent']
        layer, row = {}, {}
        occupied = set()
        # depth-first, first successor keeps the row: the happy path runs straight
        def place(n, l, r, path):
            if n in layer:
                return
            if n in hosts:
                l = layer[hosts[n]]
            while (l, r) in occupied or (n not in hosts and any((l, rr) in occupied for rr in [r])):
                r += 1
            layer[n], row[n] = l, r
            occupied.add((l, r))
            nexts = succ[n]
            # boundary events first so their paths take the rows below
            for i, t in enumerate(sorted(nexts, key=lambda x: x not in hosts)):
                if t in path:
                    continue
                if t in hosts:
                    place(t, l, r + 1, path | {n})
                else:
                    place(t, l + 1, r if i == 0 or (n in hosts) else r + 1, path | {n})
        for s in starts:
            place(s, 0, 0 if not layer else max(row.values()) + 1, frozenset())
        for n in self.order:  # anything unreachable by flows
            if n not in layer:
                place(n, 0, max(row.values()) + 1, frozenset())
        return layer, row, hosts

    def _host(self, b):
        import re
        return re.search(r'attachedToRef="([^"]+)"', self.nodes[b]['attrs']).group(1)

    def xml(self):
        layer, row, hosts = self._layout()
        bounds = {}
        for n in self.order:
            w, h = SIZES[self.nodes[n]['shape']]
            cx = 180 + layer[n] * 170
            cy = 120 + row[n] * 140
            if n in hosts:
                hx, hy, hw, hh = bounds[hosts[n]]
                siblings = [b for b in self.boundaries if hosts[b] == hosts[n]]
                bx = hx + 20 + siblings.index(n) * 44
                bounds[n] = (bx, hy + hh - 18, w, h)
                continue
            bounds[n] = (cx - w / 2, cy - h / 2, w, h)
        out = [f'<?xml version="1.0" encoding="UTF-8"?>',
               f'<bpmn:definitions {NS} id="Definitions_{self.id}" targetNamespace="urn:rjh:workflows" exporter="rjh-bpmngen" exporterVersion="1">']
        for name, mid in self.messages.items():
            out.append(f'  <bpmn:message id="{mid}" name="{name}" />')
        for code, eid in self.errors.items():
            out.append(f'  <bpmn:error id="{eid}" name="{code}" errorCode="{code}" />')
        out.append(f'  <bpmn:process id="{self.id}"{a("name", self.name)} isExecutable="true"{a("rjh:starterRoles", self.starter_roles)}{a("rjh:startCondition", self.start_condition)}>')
        incoming = {n: [] for n in self.nodes}
        outgoing = {n: [] for n in self.nodes}
        for fid, s, t, _, _ in self.flows:
            outgoing[s].append(fid)
            incoming[t].append(fid)
        for n in self.order:
            node = self.nodes[n]
            default = a('default', self.defaults.get(n))
            refs = ''.join(f'<bpmn:incoming>{f}</bpmn:incoming>' for f in incoming[n])
            refs += ''.join(f'<bpmn:outgoing>{f}</bpmn:outgoing>' for f in outgoing[n])
            body = node['body']
            # extensionElements must come first, loop characteristics after incoming/outgoing
            ext, rest = '', body
            if body.startswith('<bpmn:extensionElements>'):
                cut = body.index('</bpmn:extensionElements>') + len('</bpmn:extensionElements>')
                ext, rest = body[:cut], body[cut:]
            out.append(f'    <bpmn:{node["tag"]} id="{n}"{node["attrs"]}{default}>{ext}{refs}{rest}</bpmn:{node["tag"]}>')
        for fid, s, t, cond, name in self.flows:
            c = f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(cond)}</bpmn:conditionExpression>' if cond else ''
            out.append(f'    <bpmn:sequenceFlow id="{fid}"{a("name", name)} sourceRef="{s}" targetRef="{t}">{c}</bpmn:sequenceFlow>'
                       if c else f'    <bpmn:sequenceFlow id="{fid}"{a("name", name)} sourceRef="{s}" targetRef="{t}" />')
        out.append('  </bpmn:process>')
        out.append(f'  <bpmndi:BPMNDiagram id="Diagram_{self.id}">')
        out.append(f'    <bpmndi:BPMNPlane id="Plane_{self.id}" bpmnElement="{self.id}">')
        for n in self.order:
            x, y, w, h = bounds[n]
            marker = ' isMarkerVisible="true"' if self.nodes[n]['tag'] == 'exclusiveGateway' else ''
            out.append(f'      <bpmndi:BPMNShape id="{n}_di" bpmnElement="{n}"{marker}><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
        for fid, s, t, _, _ in self.flows:
            sx, sy, sw, sh = bounds[s]
            tx, ty, tw, th = bounds[t]
            if s in hosts:
                p1 = (sx + sw / 2, sy + sh)
                pts = [p1, (p1[0], ty + th / 2), (tx, ty + th / 2)]
            else:
                p1 = (sx + sw, sy + sh / 2)
                p2 = (tx, ty + th / 2)
                if tx <= sx:  # a loop back: go below
                    low = max(sy + sh, ty + th) + 30
                    pts = [(sx + sw / 2, sy + sh), (sx + sw / 2, low), (tx + tw / 2, low), (tx + tw / 2, ty + th)]
                elif abs(p1[1] - p2[1]) < 1:
                    pts = [p1, p2]
                else:
                    mid = p1[0] + 25
                    pts = [p1, (mid, p1[1]), (mid, p2[1]), p2]
            wps = ''.join(f'<di:waypoint x="{x:.0f}" y="{y:.0f}" />' for x, y in pts)
            out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}</bpmndi:BPMNEdge>')
        out.append('    </bpmndi:BPMNPlane>')
        out.append('  </bpmndi:BPMNDiagram>')
        out.append('</bpmn:definitions>')
        return '\n'.join(out) + '\n'

    def write(self, path):
        with open(path, 'w', encoding='utf-8') as f:
            f.write(self.xml())
