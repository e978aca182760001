/**
 * pocket-dock for LangChain4j: {@link io.pocketdock.langchain4j.PocketDockCodeExecutionEngine}
 * (a {@code CodeExecutionEngine}) and {@link io.pocketdock.langchain4j.SandboxTools} ({@code @Tool}
 * methods an agent can call), both over one pocket-dock sandbox.
 */
@NullMarked
package io.pocketdock.langchain4j;

import org.jspecify.annotations.NullMarked;
