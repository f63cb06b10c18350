package io.learningloop.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The indices and the record each one stores; the template of each is shipped beside the records. */
public enum ReadModel {
    EVENTS("events", EventDocument.class),
    LOOPS("loops", LoopDocument.class),
    LESSONS("lessons", LessonDocument.class),
    /** Not projected from events: every review's verdict, recomputed by analytics for Kibana. */
    REVIEWS("reviews", ReviewVerdictDocument.class),
    /** Not projected from events: every lesson's recurrences, recomputed by analytics for Kibana. */
    RELEARNING("relearning", RelearningDocument.class),
    /** Not a read model of the loops: the records a projection parked (see {@link DeadLetterDocument}). */
    DEAD_LETTERS("dead-letters", DeadLetterDocument.class);

    private final String templateName;
    private final Class<? extends Record> document;

    ReadModel(String templateName, Class<? extends Record> document) {
        this.templateName = templateName;
        this.document = document;
    }

    /** The name of the index (after the deployment's prefix) and of its template file. */
    public String templateName() {
        return templateName;
    }

    public Class<? extends Record> document() {
        return document;
    }

    /** The classpath resource of the template, with {@code ${prefix}} placeholders for the index prefix. */
    public String templateResource() {
        return "/elasticsearch/templates/" + templateName + ".json";
    }

    /** The template as shipped, with its placeholders: installed by the projections, checked by tests. */
    public String templateJson() {
        try (InputStream in = ReadModel.class.getResourceAsStream(templateResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + templateResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model of a template name ({@code dead-letters} is {@link #DEAD_LETTERS}). */
    public static ReadModel byTemplateName(String name) {
        return Arrays.stream(values())
                .filter(model -> model.templateName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no read model " + name));
    }

    public static List<String> templateNames() {
        return Arrays.stream(values()).map(ReadModel::templateName).toList();
    }
}
