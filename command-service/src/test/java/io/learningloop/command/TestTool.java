package io.learningloop.command;

import io.learningloop.access.testing.TestKeys;
import io.learningloop.testsupport.LocalStack;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The key an integration test's tool sends: every scope over {@code acme}, where every test's steps lie,
 * written to the key table of the test's schema as the key command line would (with the owner's role).
 */
final class TestTool {

    private TestTool() {}

    static TestKeys.Issued keyIn(String schema) {
        return TestKeys.createIn(owner(schema), TestKeys.everything("acme"));
    }

    static DriverManagerDataSource owner(String schema) {
        DriverManagerDataSource owner = new DriverManagerDataSource(
                LocalStack.postgresUrlWithSchema(schema),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
        owner.setDriverClassName("org.postgresql.Driver");
        return owner;
    }
}
