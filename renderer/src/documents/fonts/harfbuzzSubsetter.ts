/**
 * Font subsetting with HarfBuzz's standalone `hb-subset` WebAssembly build (harfbuzzjs). It cuts a 10 MB
 * CJK font down to the glyphs of one document in well under a millisecond, where pdf-lib's own
 * fontkit subsetter takes a hundred or more; that difference is the licence's 20 ms budget.
 */

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?: () => void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
/**
 * Tables a PDF viewer never reads from an embedded CID font: we do no shaping (CJK needs none and Latin
 * runs without kerning), draw horizontally, and name glyphs through ToUnicode. Dropping the layout tables
 * also skips their glyph closure, keeping the subset to exactly the characters printed.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'gasp', 'DSIG', 'post'];

function tag(name: string): number {
  return ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;
}

/** A font handed to HarfBuzz once; its bytes stay in wasm memory for the life of the engine. */
export interface SubsetterFace {
  readonly handle: number;
}

export interface Subsetter {
  loadFace(fontBytes: Uint8Array): SubsetterFace;
  /** A TrueType font holding .notdef and the glyphs of `codePoints`, renumbered densely. */
  subset(face: SubsetterFace, codePoints: Iterable<number>): Uint8Array;
}

export async function createSubsetter(wasmBytes: Uint8Array): Promise<Subsetter> {
  const module = await WebAssembly.compile(wasmBytes as Uint8Array<ArrayBuffer>);
  const instance = await WebAssembly.instantiate(module, {}); // the subsetter imports nothing
  const hb = instance.exports as unknown as SubsetExports;
  hb._initialize?.();
  const heap = () => new Uint8Array(hb.memory.buffer);

  return {
    loadFace(fontBytes) {
      const ptr = hb.malloc(fontBytes.byteLength);
      if (ptr === 0) throw new Error('HarfBuzz could not allocate memory for the font');
      heap().set(fontBytes, ptr);
      // READONLY: HarfBuzz reads the bytes in place; they are never freed because the face lives as long as the engine.
      const blob = hb.hb_blob_create(ptr, fontBytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
      const handle = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      return { handle };
    },

    subset(face, codePoints) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('HarfBuzz could not create a subset input');
      try {
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
        const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const name of DROPPED_TABLES) hb.hb_set_add(dropped, tag(name));
        hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
        const result = hb.hb_subset_or_fail(face.handle, input);
        if (result === 0) throw new Error('HarfBuzz could not subset the font');
        const blob = hb.hb_face_reference_blob(result);
        const lengthPtr = hb.malloc(4);
        try {
          const dataPtr = hb.hb_blob_get_data(blob, lengthPtr);
          const length = new DataView(hb.memory.buffer).getUint32(lengthPtr, true);
          return heap().slice(dataPtr, dataPtr + length);
        } finally {
          hb.free(lengthPtr);
          hb.hb_blob_destroy(blob);
          hb.hb_face_destroy(result);
        }
      } finally {
        hb.hb_subset_input_destroy(input);
      }
    },
  };
}
