// The forms editor's canvas (@bpmn-io/form-js editor) behind FormEditorPage.razor, loaded through Blazor's JS interop
// as an ES module only on /designer/forms/{key}. The server checks and stores what it saves, and previews it with
// the task pages' own renderer; this module only edits the form-js JSON.
import { FormEditor } from '@bpmn-io/form-js-editor';

let stylesLoaded;
function loadStyles() {
  stylesLoaded ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./forms-editor.css', import.meta.url).href;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`The forms editor's stylesheet ${link.href} did not load.`));
    document.head.appendChild(link);
  });
  return stylesLoaded;
}

/** An editor inside the container, opened on the schema (JSON text). */
export async function create(container, schema) {
  await loadStyles();
  const editor = new FormEditor({
    container,
    exporter: { name: 'RJH Device Workflows', version: '1' },
  });
  const { warnings } = await editor.importSchema(JSON.parse(schema));
  container.dataset.rendered = 'true';
  return {
    warnings: () => warnings.map(w => w.message ?? String(w)),
    /** As bytes: a form easily exceeds the circuit's 32 KB message limit, a stream does not. */
    schema: () => new TextEncoder().encode(JSON.stringify(editor.saveSchema(), null, 2)),
    destroy() {
      editor.destroy();
      delete container.dataset.rendered;
    },
  };
}
