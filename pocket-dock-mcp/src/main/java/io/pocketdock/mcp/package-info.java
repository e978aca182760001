/**
 * An MCP server over stdio that gives agents pocket-dock sandboxes as tools. It uses only the
 * SDK's public API ({@code io.pocketdock}). Start it with {@link io.pocketdock.mcp.McpServerMain}.
 */
@NullMarked
package io.pocketdock.mcp;

import org.jspecify.annotations.NullMarked;
