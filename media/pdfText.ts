/**
 * The text of a PDF, read once when it is uploaded (media/extractMetadata.ts), so site search can
 * find a document by words that are only in its attachment without opening files at search time.
 *
 * unpdf: Mozilla's pdf.js packaged for servers, pure JavaScript (no native download, nothing to
 * compile), maintained by the UnJS project. Text is taken page by page within a budget (pages,
 * characters, seconds): an enormous or hostile PDF is stored with the text read so far, never
 * holding an upload for long. A scanned PDF (pictures of pages) has no text; staff see that as
 * "0 words" in the admin.
 */
const PDF_TEXT_LIMITS = { pages: 2000, chars: 400_000, ms: 20_000 }

type PdfText = { text: string; pages: number; complete: boolean }

export async function readPdfText(data: Uint8Array, limits = PDF_TEXT_LIMITS): Promise<PdfText> {
  // Loaded on first use: only PDF uploads need it.
  const { getDocumentProxy } = await import('unpdf')
  // pdf.js may take ownership of the bytes it is given: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(data))
  const started = Date.now()
  const parts: string[] = []
  let chars = 0
  let pages = 0
  try {
    const last = Math.min(pdf.numPages, limits.pages)
    for (let n = 1; n <= last; n++) {
      if (chars >= limits.chars || Date.now() - started > limits.ms) break
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '')
      }
      page.cleanup()
      text = text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim()
      if (text) {
        parts.push(text)
        chars += text.length
      }
      pages = n
    }
    return { text: parts.join('\n\n').slice(0, limits.chars), pages, complete: pages === pdf.numPages && chars < limits.chars }
  } finally {
    await pdf.destroy()
  }
}

export const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
