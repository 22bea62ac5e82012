// The tagged-PDF structure of the library PDF (what a screen reader reads): structure elements (H1, P, L, Table…)
// opened around what is drawn, and decorations and running footers marked as artifacts that readers skip.

type Element = PDFKit.PDFStructureElement;

export interface TagOptions {
  /** Alternative text (a Figure's). */
  alt?: string;
  /** Table header scope ('Column' | 'Row'); pdfkit writes it as the /Scope attribute. */
  scope?: 'Column' | 'Row';
}

export interface Tags {
  /** Opens an element of `type` under the current one, runs `draw` inside it and closes it. */
  block(type: string, draw: () => void, options?: TagOptions): void;
  /** Opens an element of `type` under the current one and leaves it open: content added later (page numbers). */
  open(type: string, options?: TagOptions): Element;
  /** Runs `draw` with `element` (left open) as the current element. */
  inside(element: Element, draw: () => void): void;
  /** Marks what `draw` paints as content of the current element (one marked-content sequence, across page breaks). */
  content(draw: () => void): void;
  /** Marks what `draw` paints as content of `element`, from wherever the document is now (a page written later). */
  contentOf(element: Element, draw: () => void): void;
  /** Marks what `draw` paints as an artifact: lines, fills and running footers are not read out. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void;
  /** The element content is being added to now (the parent of an annotation). */
  current(): Element;
}

/** The structure tree of a new document: one Document element that holds everything. */
export function createTags(doc: PDFKit.PDFDocument): Tags {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const stack: Element[] = [root];
  const current = () => stack[stack.length - 1]!;
  const open = (type: string, options: TagOptions = {}) => {
    // NOTE: pdfkit accepts `scope` (table headers) but its type declarations do not list it.
    const element = doc.struct(type, options as Parameters<PDFKit.PDFDocument['struct']>[1]);
    current().add(element);
    return element;
  };
  return {
    block(type, draw, options) {
      const element = open(type, options);
      stack.push(element);
      try {
        draw();
      } finally {
        stack.pop();
        element.end();
      }
    },
    open,
    inside(element, draw) {
      stack.push(element);
      try {
        draw();
      } finally {
        stack.pop();
      }
    },
    // NOTE: a function child of an element already in the tree runs at once inside a marked-content sequence of that
    // element (pdfkit ≥ 0.13); pdfkit continues the sequence on the next page when text flows over a page break.
    content: (draw) => void current().add(draw),
    contentOf: (element, draw) => void element.add(draw),
    artifact(draw, type = 'Layout') {
      doc.markContent('Artifact', { type });
      draw();
      doc.endMarkedContent();
    },
    current,
  };
}
