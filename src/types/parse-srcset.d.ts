/** `@fisker/parse-srcset`: the WHATWG algorithm for `srcset`; the package ships no types. */
declare module '@fisker/parse-srcset' {
  interface Candidate {
    url: string;
    /** Width descriptor (`640w`). */
    w?: number;
    /** Pixel density descriptor (`2x`). */
    d?: number;
    /** Future-compatible height descriptor (`480h`). */
    h?: number;
  }
  export default function parseSrcset(input: string, options?: { logger?: { error?: (message: string) => void } }): Candidate[];
}
