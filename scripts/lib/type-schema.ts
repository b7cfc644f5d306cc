/**
 * JSON Schemas from the code's own TypeScript types, read with the compiler
 * (a devDependency, so this runs in the generator and tests only, never in
 * the site). Two uses: the JSDoc of a zod object's fields (the frontmatter's
 * descriptions), and the shapes of the published JSON (/api/*.json), so
 * docs/API.md is generated from the very interfaces the endpoints return.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { JsonSchema } from '../../src/lib/postmortem/exports/json-schema.ts';
import { codeRoot } from '../../src/lib/code-root.ts';

const root = codeRoot();

/**
 * The JSDoc of each property of the object literal that `variable` passes to a
 * call (`z.object({ … })`) in `file`, by property name.
 */
export function objectLiteralDocs(file: string, variable: string): Record<string, string> {
  const source = ts.createSourceFile(file, readFileSync(path.resolve(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  let literal: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (literal) return;
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === variable && node.initializer) {
      const find = (inner: ts.Node): void => {
        if (!literal && ts.isObjectLiteralExpression(inner)) literal = inner;
        else inner.forEachChild(find);
      };
      find(node.initializer);
    } else node.forEachChild(visit);
  };
  visit(source);
  if (!literal) throw new Error(`No object literal for \`${variable}\` in ${file}`);
  const docs: Record<string, string> = {};
  for (const property of literal.properties) {
    if (!property.name) continue;
    const text = ts
      .getJSDocCommentsAndTags(property)
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join('\n')
      .trim();
    if (text) docs[property.name.getText(source)] = text;
  }
  return docs;
}

/**
 * Compiles the files with the project's settings (one program for all: type
 * checking is the slow part) and converts each exported type named to a JSON Schema.
 */
export function typeSchemas(types: readonly { file: string; type: string }[]): JsonSchema[] {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const files = [...new Set(types.map(({ file }) => path.resolve(root, file)))];
  const program = ts.createProgram(files, { ...config?.options, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  return types.map(({ file, type: name }) => {
    const source = program.getSourceFile(path.resolve(root, file));
    if (!source) throw new Error(`Cannot read ${file}`);
    const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((candidate) => candidate.name === name);
    if (!symbol) throw new Error(`${file} exports no type \`${name}\``);
    const type = checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    const converter = new Converter(checker);
    const schema = converter.convert(type, 0);
    return Object.keys(converter.definitions).length ? { ...schema, definitions: converter.definitions } : schema;
  });
}

class Converter {
  /** Named interfaces used below the root, written once and referenced (a metrics report appears once per range). */
  readonly definitions: Record<string, JsonSchema> = {};

  constructor(private readonly checker: ts.TypeChecker) {}

  convert(type: ts.Type, depth: number): JsonSchema {
    if (depth > 20) throw new Error(`Type too deep or recursive: ${this.checker.typeToString(type)}`);
    const { flags } = type;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
    if (flags & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
    if (flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: this.checker.typeToString(type) === 'true' };
    if (flags & ts.TypeFlags.String) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isUnion()) return this.union(type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined)), depth);
    if (this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference).map((item) => this.convert(item, depth + 1));
      return { type: 'array', items, minItems: items.length, maxItems: items.length };
    }
    if (this.checker.isArrayType(type)) {
      return { type: 'array', items: this.convert(this.checker.getTypeArguments(type as ts.TypeReference)[0]!, depth + 1) };
    }
    if (flags & ts.TypeFlags.Object) return this.object(type, depth);
    throw new Error(`No JSON Schema for the type ${this.checker.typeToString(type)}`);
  }

  private union(members: ts.Type[], depth: number): JsonSchema {
    const schemas = members.map((member) => this.convert(member, depth + 1));
    if (schemas.length === 1) return schemas[0]!;
    // true | false is how the compiler spells boolean.
    const booleans = schemas.filter((schema) => schema.type === 'boolean');
    const merged = booleans.length === 2 && booleans.every((schema) => 'const' in schema) ? [...schemas.filter((schema) => schema.type !== 'boolean'), { type: 'boolean' }] : schemas;
    if (merged.length === 1) return merged[0]!;
    const literals = merged.every((schema) => 'const' in schema && schema.type === merged[0]!.type);
    if (literals) return { type: merged[0]!.type, enum: merged.map((schema) => schema.const) };
    // `T | null` reads best as a type list when T is a plain type.
    const plain = merged.filter((schema) => schema.type !== 'null');
    if (plain.length === 1 && merged.length === 2 && typeof plain[0]!.type === 'string') {
      const only = plain[0]!;
      if (only.enum) return { ...only, type: [only.type, 'null'], enum: [...(only.enum as unknown[]), null] };
      if (!('const' in only)) return { ...only, type: [only.type, 'null'] };
    }
    return { anyOf: merged };
  }

  private object(type: ts.Type, depth: number): JsonSchema {
    const name = depth > 0 ? this.definitionName(type) : null;
    if (name) {
      if (!(name in this.definitions)) {
        this.definitions[name] = {};
        this.definitions[name] = this.inlineObject(type, depth);
      }
      return { $ref: `#/definitions/${name}` };
    }
    return this.inlineObject(type, depth);
  }

  /** The name of a non-generic interface or type alias; null for anonymous and generic types. */
  private definitionName(type: ts.Type): string | null {
    if (type.aliasSymbol) return type.aliasTypeArguments?.length ? null : type.aliasSymbol.name;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Interface)) return null;
    return (type as ts.TypeReference).typeArguments?.length ? null : symbol.name;
  }

  private inlineObject(type: ts.Type, depth: number): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration ? this.checker.getTypeOfSymbolAtLocation(property, declaration) : this.checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length) continue;
      const schema = this.convert(propertyType, depth + 1);
      const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.name] = description ? { description, ...schema } : schema;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index) schema.additionalProperties = this.convert(index.type, depth + 1);
    return schema;
  }
}
