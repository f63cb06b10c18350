package io.learningloop.command.publishing;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token store of the publisher's tracking processor, as Axon's auto-configuration makes it, but
 * owned under a name of this instance's own. The claim on the publisher's one segment (in
 * {@code token_entry}) is what makes one instance publish at a time; Axon names the owner by the JVM
 * ({@code pid@host}), and two instances with one name each take the claim for their own and both
 * publish every event (seen with two instances in one JVM; containers whose processes are all pid 1
 * on hosts of the same name would do the same). The name keeps {@code pid@host} first, for operators
 * and {@code infra/crash/cluster}, then a random part.
 */
@Configuration(proxyBeanMethods = false)
class PublisherTokenStore {

    @Bean
    TokenStore tokenStore(
            Serializer serializer, EntityManagerProvider entityManagers, TokenStoreProperties properties) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagers)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }
}
