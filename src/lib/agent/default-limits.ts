/** Default result counts of the agent tools, apart from the code that computes them so the MCP server can publish them without loading it. */

export const DEFAULT_SEARCH_LIMIT = 10;
export const DEFAULT_SIMILAR_LIMIT = 5;
