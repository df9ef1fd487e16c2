// The read-only process diagram (bpmn-js NavigatedViewer) behind ProcessDiagram.razor, loaded through Blazor's
// JS interop as an ES module. The component creates one viewer per container and calls render() on every
// parameter change; importing the XML again only when it changed keeps the person's pan/zoom otherwise.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

export const ACTIVE_MARKER = 'rjh-active';
export const COMPLETED_MARKER = 'rjh-completed';
export const INCIDENT_MARKER = 'rjh-incident';
const TOKEN_OVERLAY = 'rjh-tokens';

const ZOOM_STEP = 1.25;

// The stylesheet beside this module (dist/diagram.css), loaded once per page.
let stylesLoaded;
function loadStyles() {
  stylesLoaded ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./diagram.css', import.meta.url).href;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`The diagram's stylesheet ${link.href} did not load.`));
    document.head.appendChild(link);
  });
  return stylesLoaded;
}

/** A viewer inside <paramref>container</paramref>; returns the handle the component talks to. */
export function create(container) {
  const viewer = new NavigatedViewer({ container });
  let xml = null;
  let marked = [];

  const canvas = () => viewer.get('canvas');

  // The canvas is focusable (arrow keys pan it), so it is the image screen readers meet; a role="img" around it
  // would hide a focusable child and the bpmn.io link beside it.
  const svg = container.querySelector('.djs-container > svg');
  svg.setAttribute('role', 'img');

  function unmark() {
    for (const [id, marker] of marked) canvas().removeMarker(id, marker);
    marked = [];
    viewer.get('overlays').remove({ type: TOKEN_OVERLAY });
  }

  // A badge of how many tokens are at each element. The list beside the diagram says the same in words, so the
  // badge itself is hidden from screen readers.
  function badge(tokens) {
    const registry = viewer.get('elementRegistry');
    for (const [id, count] of Object.entries(tokens ?? {})) {
      if (!registry.get(id) || !(count > 0)) continue;
      const html = document.createElement('span');
      html.className = 'rjh-token-badge';
      html.setAttribute('aria-hidden', 'true');
      html.dataset.elementId = id;
      html.textContent = String(count);
      viewer.get('overlays').add(id, TOKEN_OVERLAY, { position: { bottom: 8, left: -8 }, html });
    }
  }

  function mark(ids, marker) {
    const registry = viewer.get('elementRegistry');
    // Ids the diagram lacks (a journal entry of an older version) are skipped rather than failing the render.
    for (const id of ids ?? []) {
      if (!registry.get(id)) continue;
      canvas().addMarker(id, marker);
      marked.push([id, marker]);
    }
  }

  return {
    /** Shows <paramref>newXml</paramref> fitted to the viewport with the active and completed elements marked. */
    async render(newXml, active, completed, label, incidents, tokens) {
      svg.setAttribute('aria-label', label);
      await loadStyles();
      if (newXml !== xml) {
        marked = [];
        await viewer.importXML(newXml);
        xml = newXml;
        canvas().zoom('fit-viewport', 'auto');
      } else {
        unmark();
      }
      const current = new Set(active ?? []);
      // An element passed before and waiting again (a loop) shows as current, not as done.
      mark((completed ?? []).filter(id => !current.has(id)), COMPLETED_MARKER);
      mark([...current], ACTIVE_MARKER);
      mark(incidents, INCIDENT_MARKER);
      badge(tokens);
      container.dataset.rendered = 'true';
    },

    zoomIn() { canvas().zoom(canvas().zoom() * ZOOM_STEP); },

    zoomOut() { canvas().zoom(canvas().zoom() / ZOOM_STEP); },

    fit() { canvas().zoom('fit-viewport', 'auto'); },

    destroy() {
      viewer.destroy();
      delete container.dataset.rendered;
    },
  };
}
