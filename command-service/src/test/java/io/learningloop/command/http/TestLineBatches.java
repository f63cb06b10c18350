package io.learningloop.command.http;

import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.function.Function;

/** Batches without a database: each line as it comes. Their transactions are the integration tests' to test. */
final class TestLineBatches {

    private TestLineBatches() {}

    @SuppressWarnings("unchecked")
    static LineBatches oneByOne() {
        return mock(
                LineBatches.class,
                invocation -> ((List<Object>) invocation.getArgument(0))
                        .stream()
                                .map(invocation.<Function<Object, Object>>getArgument(1))
                                .toList());
    }
}
