package io.learningloop.command.http;

/** A bulk file over {@link BulkImportProperties}' limits: refused as a whole, nothing of it is stored (413). */
class BulkTooLargeException extends RuntimeException {

    BulkTooLargeException(String message) {
        super(message);
    }
}
