package io.pocketdock.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once per engine ({@code [podman]}, {@code [docker]} in its name) and takes a
 * {@link TestEngine} parameter. A missing engine fails the test; it never skips.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@Tag("engine")
@ExtendWith(EngineExtension.class)
public @interface EngineTest {}
