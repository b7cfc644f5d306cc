/** The part of `sax` (an XML parser, installed with svgo) that svg-check.ts uses; the package ships no types. */
declare module 'sax' {
  namespace sax {
    interface QualifiedAttribute {
      name: string;
      local: string;
      uri: string;
      value: string;
    }
    interface QualifiedTag {
      name: string;
      local: string;
      uri: string;
      attributes: Record<string, QualifiedAttribute>;
    }
    interface SAXParser {
      onprocessinginstruction: (instruction: { name: string; body: string }) => void;
      ondoctype: (doctype: string) => void;
      onopentag: (tag: QualifiedTag) => void;
      onclosetag: (name: string) => void;
      ontext: (text: string) => void;
      oncdata: (text: string) => void;
      onerror: (error: Error) => void;
      write(text: string): SAXParser;
      close(): SAXParser;
    }
    function parser(strict: boolean, options?: { xmlns?: boolean; position?: boolean }): SAXParser;
  }
  export default sax;
}
