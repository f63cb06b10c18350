import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The local stack's Kafka users and ACLs, made what infra/stack/README.md ("Security model") says, on
 * every `stack up` (idempotent: an existing credential is replaced by the same password, an existing
 * ACL is kept), then a check that the broker's SASL listener lets the admin in.
 *
 * <p>Run by infra/stack/stack with the broker's jars as a single-file program:
 * {@code java -cp 'kafka/lib/*' KafkaAccess.java <broker host:port> <secrets dir>}.
 * It logs in to the broker as the admin with SASL/PLAIN (the one user server.properties knows
 * itself: SCRAM users live in the metadata, so the first of them can only be created by someone let
 * in otherwise) and creates the SCRAM-SHA-256 users there, so a new state folder and one formatted
 * before Kafka had users take the same path. (A KRaft controller does not take
 * AlterUserScramCredentials: "not yet supported when communicating directly with the controller".)
 */
public final class KafkaAccess {

    static final String ADMIN = "admin";
    static final List<String> USERS = List.of(ADMIN, "command-service", "query-service", "analytics");
    /** Topics the platform's services use are named learning-loop.*, e.g. learning-loop.events.v1. */
    static final String TOPICS = "learning-loop.";

    private KafkaAccess() {}

    /** The least each service needs; the admin is a super user (server.properties) and needs none. */
    static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        // The command service publishes (Axon's Kafka extension, idempotent producer) and creates
        // the topic when it is missing (TopicInitializer).
        allow(acls, "command-service", ResourceType.TOPIC, TOPICS, AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.CREATE);
        allow(acls, "command-service", ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE);
        // Each projecting service reads the topic in its own consumer group (query-service,
        // analytics; a suffix for parallel deployments and tests) and may create the topic when
        // missing, as the command service may: it starts first on a fresh broker otherwise.
        for (String consumer : List.of("query-service", "analytics")) {
            allow(acls, consumer, ResourceType.TOPIC, TOPICS, AclOperation.READ, AclOperation.DESCRIBE,
                    AclOperation.CREATE);
            allow(acls, consumer, ResourceType.GROUP, consumer, AclOperation.READ, AclOperation.DESCRIBE);
        }
        return acls;
    }

    private static void allow(
            List<AclBinding> acls, String user, ResourceType type, String name, AclOperation... operations) {
        PatternType pattern = type == ResourceType.CLUSTER ? PatternType.LITERAL : PatternType.PREFIXED;
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaAccess <broker host:port> <secrets dir>");
            System.exit(2);
        }
        Path secrets = Path.of(args[1]);
        String adminPassword = password(secrets, ADMIN);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));

        try (Admin plain = Admin.create(Map.of(
                "bootstrap.servers", args[0],
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.plain.PlainLoginModule", adminPassword),
                "default.api.timeout.ms", 10_000,
                "request.timeout.ms", 10_000))) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String user : USERS) {
                users.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192), password(secrets, user)));
            }
            plain.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            plain.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
        }

        // The broker's listener takes SCRAM only: the admin's credential must work there now.
        try (Admin broker = Admin.create(Map.of(
                "bootstrap.servers", args[0],
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", adminPassword),
                "default.api.timeout.ms", 5_000,
                "request.timeout.ms", 5_000))) {
            while (true) {
                try {
                    broker.listTopics().names().get(10, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    // A credential just created reaches the broker with the next metadata update.
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private static String password(Path secrets, String user) throws Exception {
        return Files.readString(secrets.resolve("kafka-" + user)).strip();
    }

    /** The generated passwords are letters and digits only, so they need no quoting here. */
    private static String jaas(String module, String password) {
        return module + " required username=\"" + ADMIN + "\" password=\"" + password + "\";";
    }
}
