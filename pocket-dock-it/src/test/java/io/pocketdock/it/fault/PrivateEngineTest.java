package io.pocketdock.it.fault;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once per engine kind ({@code [podman]}, {@code [docker]}) against a {@link
 * PrivateEngine} started for it and torn down after it. The test may kill and restart that engine;
 * the shared engines are never touched.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@Tag("engine")
@ExtendWith(PrivateEngineExtension.class)
public @interface PrivateEngineTest {}
