package io.learningloop.projection.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.learningloop.projection.Refusals;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a rebuild's documents with bulk requests on a few threads, while the rebuild reads and folds
 * the next batch. A document always goes to the same lane (by its id), and each lane sends its requests
 * one after another: so a later state of a document can never overtake an earlier one, and no version
 * check is needed. Each lane holds at most {@link #IN_FLIGHT} requests, which bounds the memory and
 * slows the reader down to what Elasticsearch takes.
 */
final class BulkLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkLanes.class);
    private static final int IN_FLIGHT = 2;
    private static final int MAX_ATTEMPTS = 5;

    private final ElasticsearchClient client;
    private final String index;
    private final int documentsPerRequest;
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final List<Semaphore> slots = new ArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    BulkLanes(ElasticsearchClient client, String index, int laneCount, int documentsPerRequest) {
        this.client = client;
        this.index = index;
        this.documentsPerRequest = documentsPerRequest;
        for (int lane = 0; lane < laneCount; lane++) {
            int number = lane;
            lanes.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "rebuild-bulk-" + index + "-" + number);
                thread.setDaemon(true);
                return thread;
            }));
            slots.add(new Semaphore(IN_FLIGHT));
        }
    }

    /** Queues the documents for writing; blocks while their lanes are full; throws what a lane failed with. */
    <D> void write(Map<String, D> documents) throws Exception {
        throwIfFailed();
        List<List<Map.Entry<String, D>>> byLane = new ArrayList<>();
        lanes.forEach(lane -> byLane.add(new ArrayList<>()));
        for (Map.Entry<String, D> document : documents.entrySet()) {
            int number = Math.floorMod(document.getKey().hashCode(), lanes.size());
            List<Map.Entry<String, D>> lane = byLane.get(number);
            lane.add(document);
            if (lane.size() >= documentsPerRequest) {
                submit(number, List.copyOf(lane));
                lane.clear();
            }
        }
        for (int lane = 0; lane < byLane.size(); lane++) {
            if (!byLane.get(lane).isEmpty()) {
                submit(lane, byLane.get(lane));
            }
        }
    }

    /** Waits until every queued request has been answered; throws what a lane failed with. */
    void drain() throws Exception {
        for (Semaphore slot : slots) {
            slot.acquire(IN_FLIGHT);
            slot.release(IN_FLIGHT);
        }
        throwIfFailed();
    }

    long written() {
        return written.get();
    }

    /** Documents Elasticsearch refused for good (e.g. a field the mapping cannot hold). */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }

    private <D> void submit(int lane, List<Map.Entry<String, D>> documents) throws InterruptedException {
        slots.get(lane).acquire();
        lanes.get(lane).execute(() -> {
            try {
                if (failure.get() == null) {
                    send(documents);
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.get(lane).release();
            }
        });
    }

    /** One request; items that failed for a passing reason (a full queue: 429) are sent again. */
    private <D> void send(List<Map.Entry<String, D>> documents) throws Exception {
        List<Map.Entry<String, D>> pending = documents;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Map.Entry<String, D> document : pending) {
                bulk.operations(op -> op.index(
                        write -> write.index(index).id(document.getKey()).document(document.getValue())));
            }
            BulkResponse response = client.bulk(bulk.build());
            List<Map.Entry<String, D>> again = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    written.incrementAndGet();
                } else if (Refusals.permanent(item.status(), item.error().type())) {
                    if (refused.incrementAndGet() <= 10) {
                        log.warn(
                                "rebuild into {}: Elasticsearch refused {}: {} {}",
                                index,
                                item.id(),
                                item.error().type(),
                                item.error().reason());
                    }
                } else {
                    again.add(pending.get(i));
                }
            }
            if (!again.isEmpty() && attempt >= MAX_ATTEMPTS) {
                throw new IOException("rebuild into " + index + ": " + again.size() + " documents still refused after "
                        + MAX_ATTEMPTS + " attempts");
            }
            if (!again.isEmpty()) {
                Thread.sleep(Duration.ofMillis(500L * attempt).toMillis());
            }
            pending = again;
        }
    }

    private void throwIfFailed() throws Exception {
        Exception failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
