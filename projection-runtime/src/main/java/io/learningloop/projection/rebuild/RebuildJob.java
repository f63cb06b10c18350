package io.learningloop.projection.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.indices.IndexState;
import io.learningloop.codec.kafka.EventDecoder;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.codec.kafka.KafkaCredentials;
import io.learningloop.codec.kafka.UndecodableEventException;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of one projection (decision 0012): a fresh versioned index filled from offset 0 of the
 * topic with the projection's current logic and its template's current mapping, while the live
 * runner goes on writing through the alias into the index it points at; then the live runner is
 * paused and the previous index takes a write block, the rebuild reads up to the topic's end as it
 * stands once the block holds, the alias moves in one atomic {@code _aliases} call, the block goes
 * and the runner resumes (now writing into the new index). Records both read are applied twice:
 * harmless, the projections are idempotent.
 *
 * <p>The block is what makes this hold with several instances of the service, whose runners share
 * the topic's partitions and whose pause this instance cannot ask for: from the block on, their
 * writes through the alias are refused (a transient refusal: their batch is retried, its offsets not
 * committed) until the alias points at the new index. So every record another instance committed
 * with a write into the previous index only was on the topic before the block, below the end the
 * rebuild reads to, and nothing is lost in the swap.
 *
 * <p>Until the swap the new index is not behind the alias, so no reader ever sees it half built; a
 * rebuild that fails (or a service that dies) leaves it unaliased, and the next rebuild deletes it.
 * The build is fast because the index is only written, never read while it builds ({@link Fold}),
 * with refreshes off, an asynchronous translog and no replicas (restored before the swap), in large
 * bulk requests on parallel lanes ({@link BulkLanes}).
 */
final class RebuildJob<D> implements Runnable {

    /** How the rebuild reads and writes; the defaults are what the benchmark measured (docs/benchmarks.md). */
    record Tuning(
            int maxPollRecords,
            int lanes,
            int documentsPerRequest,
            int cachedDocuments,
            long catchUpLag,
            Duration pauseTimeout) {

        static Tuning defaults() {
            return new Tuning(5_000, 2, 2_000, 20_000, 2_000, Duration.ofSeconds(60));
        }
    }

    /** Where the topic is, as whom. */
    record Source(String bootstrapServers, KafkaCredentials credentials, String topic) {}

    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int CATCH_UP_ROUNDS = 20;
    private static final Duration DELETE_GRACE = Duration.ofSeconds(2);

    private final DocumentProjection<D> projection;
    private final String templateName;
    private final String alias;
    private final ElasticsearchClient client;
    private final ProjectionRunner runner;
    private final Source source;
    private final Tuning tuning;
    private final boolean deleteOld;
    private final Clock clock;
    private final EventDecoder decoder = new EventDecoder();

    private volatile RebuildPhase phase = RebuildPhase.PREPARING;
    private volatile String targetIndex;
    private volatile String previousIndex;
    private volatile long recordsDone;
    private volatile long recordsTotal;
    private volatile long undecodable;
    private volatile Instant buildStartedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private final Instant startedAt;
    private Instant lastLog = Instant.EPOCH;
    private Fold<D> fold;
    private BulkLanes lanes;

    RebuildJob(
            DocumentProjection<D> projection,
            String templateName,
            ElasticsearchClient client,
            ProjectionRunner runner,
            Source source,
            Tuning tuning,
            boolean deleteOld,
            Clock clock) {
        this.projection = projection;
        this.templateName = templateName;
        this.alias = projection.index();
        this.client = client;
        this.runner = runner;
        this.source = source;
        this.tuning = tuning;
        this.deleteOld = deleteOld;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    RebuildProgress progress() {
        Instant now = finishedAt != null ? finishedAt : clock.instant();
        Instant from = buildStartedAt;
        double seconds =
                from == null ? 0 : Math.max(0.001, Duration.between(from, now).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : recordsDone / seconds;
        Long eta = rate <= 0 || finishedAt != null ? null : Math.round(Math.max(0, recordsTotal - recordsDone) / rate);
        BulkLanes writing = lanes;
        Fold<D> folding = fold;
        return new RebuildProgress(
                projection.name(),
                phase,
                alias,
                targetIndex,
                previousIndex,
                deleteOld,
                recordsDone,
                recordsTotal,
                Math.round(rate * 10) / 10.0,
                eta,
                writing == null ? 0 : writing.written(),
                undecodable + (folding == null ? 0 : folding.skipped()) + (writing == null ? 0 : writing.refused()),
                startedAt,
                finishedAt,
                error);
    }

    @Override
    public void run() {
        boolean swapped = false;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            prepare();
            List<TopicPartition> partitions = consumer.partitionsFor(source.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            recordsTotal = distance(beginning, end);
            fold = new Fold<>(projection, tuning.cachedDocuments());
            lanes = new BulkLanes(client, targetIndex, tuning.lanes(), tuning.documentsPerRequest());
            buildStartedAt = clock.instant();
            phase = RebuildPhase.BUILDING;
            log.info("rebuild of {} into {}: {} records to read", projection.name(), targetIndex, recordsTotal);
            readUpTo(consumer, end);

            phase = RebuildPhase.CATCHING_UP;
            // Read what arrived meanwhile while the live runner goes on, so that the pause below is short.
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                long behind = behind(consumer, now);
                recordsTotal = recordsDone + behind;
                if (behind <= tuning.catchUpLag()) {
                    break;
                }
                readUpTo(consumer, now);
            }
            lanes.drain();
            restoreSettings();
            runner.pause(tuning.pauseTimeout());
            try {
                blockWrites(true);
                try {
                    Map<TopicPartition, Long> blocked = consumer.endOffsets(partitions);
                    recordsTotal = recordsDone + behind(consumer, blocked);
                    readUpTo(consumer, blocked);
                    lanes.drain();
                    client.indices().refresh(request -> request.index(targetIndex));
                    phase = RebuildPhase.SWAPPING;
                    swap();
                    swapped = true;
                } finally {
                    blockWrites(false);
                }
            } finally {
                runner.resume();
            }
            if (deleteOld && previousIndex != null && !previousIndex.equals(alias)) {
                // A search that resolved the alias just before the swap still runs on the previous
                // index: deleting it at once would fail that search. Searches here last milliseconds.
                Thread.sleep(DELETE_GRACE.toMillis());
                client.indices().delete(request -> request.index(previousIndex));
                log.info("rebuild of {}: previous index {} deleted", projection.name(), previousIndex);
            }
            finishedAt = clock.instant();
            phase = RebuildPhase.DONE;
            logProgress(true);
        } catch (Exception e) {
            error = e.toString();
            finishedAt = clock.instant();
            phase = RebuildPhase.FAILED;
            log.error("rebuild of {} failed; {} still points at {}", projection.name(), alias, previousIndex, e);
            if (!swapped) {
                deleteUnaliasedTarget();
            }
        } finally {
            if (lanes != null) {
                lanes.close();
            }
        }
    }

    /**
     * What the alias points at now; deletes what earlier rebuilds left unfinished (versions above the
     * aliased one: never behind the alias, so never read); creates the next version for writing only.
     */
    private void prepare() throws IOException {
        Set<String> current = IndexTemplates.aliasTargets(client, alias);
        if (current.size() > 1) {
            throw new IllegalStateException(alias + " points at several indices " + current + ": fix it by hand");
        }
        if (current.isEmpty()) {
            previousIndex =
                    client.indices().exists(request -> request.index(alias)).value() ? alias : null;
        } else {
            previousIndex = current.iterator().next();
        }
        // A service that died between block and swap left the live index blocked: lift it.
        blockWrites(false);
        int aliased = previousIndex == null
                ? 0
                : Indices.versionOf(alias, previousIndex).orElse(0);
        Map<String, IndexState> versions = client.indices()
                .get(request -> request.index(alias + "-v*").allowNoIndices(true))
                .result();
        int highest = aliased;
        for (String index : versions.keySet()) {
            OptionalInt version = Indices.versionOf(alias, index);
            if (version.isEmpty()) {
                continue;
            }
            highest = Math.max(highest, version.getAsInt());
            if (version.getAsInt() > aliased) {
                client.indices().delete(request -> request.index(index));
                log.warn("rebuild of {}: deleted {}, left unfinished by an earlier rebuild", projection.name(), index);
            }
        }
        targetIndex = Indices.versioned(alias, highest + 1);
        // The template gives the mapping; these settings hold only while the rebuild writes alone.
        client.indices()
                .create(request -> request.index(targetIndex)
                        .settings(settings -> settings.refreshInterval(interval -> interval.time("-1"))
                                // Off, or the template's auto-expansion would add a replica on a cluster.
                                .autoExpandReplicas("false")
                                .numberOfReplicas("0")
                                .translog(translog -> translog.durability(
                                        co.elastic.clients.elasticsearch.indices.TranslogDurability.Async))));
        log.info(
                "rebuild of {}: {} created; {} points at {}",
                projection.name(),
                targetIndex,
                alias,
                previousIndex == null ? "nothing" : previousIndex);
    }

    /** Reads, folds and writes until the consumer stands at or past {@code until} on every partition. */
    private void readUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> until) throws Exception {
        while (behind(consumer, until) > 0) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                continue;
            }
            List<EventEnvelope> events = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(decoder.decode(record));
                } catch (UndecodableEventException e) {
                    undecodable++;
                }
            }
            lanes.write(fold.apply(events, this::fetch));
            recordsDone += records.count();
            logProgress(false);
        }
    }

    /** Documents evicted from the fold's cache, read back once the writes in flight have landed. */
    private Map<String, D> fetch(Set<String> ids) {
        try {
            lanes.drain();
            Map<String, D> found = new HashMap<>();
            var response = client.mget(
                    request -> request.index(targetIndex).ids(List.copyOf(ids)), projection.documentClass());
            for (MultiGetResponseItem<D> item : response.docs()) {
                if (item.isFailure()) {
                    throw new IOException("cannot read " + item.failure().id() + " back from " + targetIndex + ": "
                            + item.failure().error().reason());
                }
                if (item.result().found()) {
                    found.put(item.result().id(), item.result().source());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("rebuild into " + targetIndex + " failed", e);
        }
    }

    /**
     * The template's own refresh interval and replicas (auto-expanding: one wherever a second node
     * exists), and a durable translog, before readers come.
     */
    private void restoreSettings() throws IOException {
        String refresh = IndexTemplates.setting(templateName, "refresh_interval", "1s");
        String autoExpand = IndexTemplates.setting(templateName, "auto_expand_replicas", "false");
        String replicas = IndexTemplates.setting(templateName, "number_of_replicas", "0");
        client.indices()
                .putSettings(request -> request.index(targetIndex)
                        .settings(settings -> settings.refreshInterval(interval -> interval.time(refresh))
                                .autoExpandReplicas(autoExpand)
                                .numberOfReplicas(replicas)
                                .translog(translog -> translog.durability(
                                        co.elastic.clients.elasticsearch.indices.TranslogDurability.Request))));
    }

    /**
     * Blocks (or lets again) writes into the previous index, for every writer at once. A concrete index
     * from before the aliases is gone after the swap (deleted in the same call): nothing to lift then.
     */
    private void blockWrites(boolean blocked) throws IOException {
        if (previousIndex == null) {
            return;
        }
        try {
            client.indices()
                    .putSettings(request -> request.index(previousIndex)
                            .settings(settings -> settings.blocks(blocks -> blocks.write(blocked))));
            log.info("rebuild of {}: writes into {} {}", projection.name(), previousIndex, blocked ? "blocked" : "let");
        } catch (ElasticsearchException e) {
            if (blocked || !"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * One {@code _aliases} call: the alias leaves the previous index and reaches the new one at once.
     * A concrete index under the alias's name (from before the aliases) is deleted in the same call
     * ({@code remove_index}): an index and an alias cannot share a name.
     */
    private void swap() throws IOException {
        client.indices().updateAliases(request -> {
            request.actions(action -> action.add(add -> add.index(targetIndex).alias(alias)));
            if (previousIndex != null && previousIndex.equals(alias)) {
                request.actions(action -> action.removeIndex(remove -> remove.index(alias)));
            } else if (previousIndex != null) {
                request.actions(action ->
                        action.remove(remove -> remove.index(previousIndex).alias(alias)));
            }
            return request;
        });
        log.info(
                "rebuild of {}: {} now points at {} (was {})",
                projection.name(),
                alias,
                targetIndex,
                previousIndex == null ? "nothing" : previousIndex);
    }

    private void deleteUnaliasedTarget() {
        if (targetIndex == null) {
            return;
        }
        try {
            if (!IndexTemplates.aliasTargets(client, alias).contains(targetIndex)) {
                client.indices().delete(request -> request.index(targetIndex).ignoreUnavailable(true));
                log.info("rebuild of {}: unfinished {} deleted", projection.name(), targetIndex);
            }
        } catch (Exception e) {
            log.warn(
                    "rebuild of {}: cannot delete the unfinished {}; the next rebuild will",
                    projection.name(),
                    targetIndex);
        }
    }

    private void logProgress(boolean last) {
        Instant now = clock.instant();
        if (!last && Duration.between(lastLog, now).compareTo(PROGRESS_EVERY) < 0) {
            return;
        }
        lastLog = now;
        RebuildProgress progress = progress();
        log.info(
                "rebuild of {}: {}, {} of {} records ({}%), {} events/s, {} documents written, {} skipped, ETA {} s",
                progress.projection(),
                progress.phase(),
                progress.recordsDone(),
                progress.recordsTotal(),
                progress.recordsTotal() == 0
                        ? 100
                        : Math.min(100, progress.recordsDone() * 100 / progress.recordsTotal()),
                progress.eventsPerSecond(),
                progress.documentsWritten(),
                progress.eventsSkipped(),
                progress.etaSeconds());
    }

    /** Records between the consumer's positions and {@code until}, over the partitions {@code until} names. */
    private static long behind(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> until) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> partition : until.entrySet()) {
            behind += Math.max(0, partition.getValue() - consumer.position(partition.getKey()));
        }
        return behind;
    }

    private static long distance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long distance = 0;
        for (Map.Entry<TopicPartition, Long> partition : to.entrySet()) {
            distance += partition.getValue() - from.getOrDefault(partition.getKey(), 0L);
        }
        return distance;
    }

    /** No consumer group: the rebuild assigns itself every partition and commits nothing. */
    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(source.credentials().clientProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + projection.name());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, tuning.maxPollRecords());
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }
}
