package io.learningloop.projection.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The rebuilds of this service's projections: one at a time (each pauses the one live runner all
 * the service's projections share, at its swap), each on a thread of its own; the latest of each
 * projection is kept for {@code GET /actuator/rebuild}, the gauges and health. Only projections
 * whose index has a template can be rebuilt: the template is what makes the fresh index's mapping.
 */
public final class Rebuilds {

    /** Another rebuild of this service is still running. */
    public static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    private final Map<String, DocumentProjection<?>> projections = new LinkedHashMap<>();
    private final Map<String, String> templates = new LinkedHashMap<>();
    private final Map<String, RebuildJob<?>> latest = new ConcurrentHashMap<>();
    private final ElasticsearchClient client;
    private final ProjectionRunner runner;
    private final RebuildJob.Source source;
    private final RebuildJob.Tuning tuning;
    private final Clock clock;
    private RebuildJob<?> running;

    public Rebuilds(
            List<DocumentProjection<?>> projections,
            Indices indices,
            ElasticsearchClient client,
            ProjectionRunner runner,
            ProjectionRunner.Settings topic,
            MeterRegistry meters) {
        this(
                projections,
                indices,
                client,
                runner,
                new RebuildJob.Source(topic.bootstrapServers(), topic.credentials(), topic.topic()),
                RebuildJob.Tuning.defaults(),
                meters,
                Clock.systemUTC());
    }

    Rebuilds(
            List<DocumentProjection<?>> projections,
            Indices indices,
            ElasticsearchClient client,
            ProjectionRunner runner,
            RebuildJob.Source source,
            RebuildJob.Tuning tuning,
            MeterRegistry meters,
            Clock clock) {
        this.client = client;
        this.runner = runner;
        this.source = source;
        this.tuning = tuning;
        this.clock = clock;
        for (DocumentProjection<?> projection : projections) {
            String template = projection.index().substring(indices.prefix().length());
            if (projection.index().startsWith(indices.prefix()) && IndexTemplates.NAMES.contains(template)) {
                this.projections.put(projection.name(), projection);
                this.templates.put(projection.name(), template);
                registerGauges(projection.name(), meters);
            }
        }
    }

    /** The projections this service can rebuild, by name. */
    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    /**
     * Starts a rebuild and answers at once with its first progress.
     *
     * @throws IllegalArgumentException no such projection here
     * @throws BusyException a rebuild of this service is running
     */
    public synchronized RebuildProgress start(String name, boolean deleteOld) {
        DocumentProjection<?> projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("no projection '" + name + "' here; this service rebuilds " + names());
        }
        if (running != null && !running.progress().finished()) {
            throw new BusyException("the rebuild of " + running.progress().projection() + " is still running");
        }
        RebuildJob<?> job = job(projection, templates.get(name), deleteOld);
        running = job;
        latest.put(name, job);
        Thread thread = new Thread(job, "rebuild-" + name);
        thread.setDaemon(true);
        thread.start();
        return job.progress();
    }

    private <D> RebuildJob<D> job(DocumentProjection<D> projection, String template, boolean deleteOld) {
        return new RebuildJob<>(projection, template, client, runner, source, tuning, deleteOld, clock);
    }

    /** The latest rebuild of the projection since this service started. */
    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(latest.get(name)).map(RebuildJob::progress);
    }

    public List<RebuildProgress> all() {
        return projections.keySet().stream()
                .map(this::progress)
                .flatMap(Optional::stream)
                .toList();
    }

    private void registerGauges(String name, MeterRegistry meters) {
        gauge(
                meters,
                "learningloop.rebuild.records.done",
                "Records of the topic a rebuild has read",
                name,
                p -> p.recordsDone());
        gauge(
                meters,
                "learningloop.rebuild.records.total",
                "Records a rebuild has to read",
                name,
                p -> p.recordsTotal());
        gauge(
                meters,
                "learningloop.rebuild.events.per.second",
                "Records a rebuild reads per second",
                name,
                p -> p.eventsPerSecond());
        gauge(meters, "learningloop.rebuild.running", "1 while a rebuild runs", name, p -> p.finished() ? 0 : 1);
        gauge(
                meters,
                "learningloop.rebuild.failed",
                "1 when the latest rebuild failed (the alias kept its index)",
                name,
                p -> p.phase() == RebuildPhase.FAILED ? 1 : 0);
    }

    private void gauge(
            MeterRegistry meters,
            String meter,
            String description,
            String name,
            ToDoubleFunction<RebuildProgress> value) {
        Gauge.builder(
                        meter,
                        this,
                        rebuilds -> rebuilds.progress(name)
                                .map(value::applyAsDouble)
                                .orElse(0.0))
                .description(description)
                .tag("projection", name)
                .register(meters);
    }
}
