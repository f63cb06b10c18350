package io.learningloop.access;

import io.learningloop.contract.OrgUnits;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the key that authenticated the request, its scopes and the org-unit subtrees it covers.
 * Controllers take it as {@code @AuthenticationPrincipal Caller caller}; it is the one place that answers
 * "may this caller touch that unit".
 *
 * @param keyId the key's public id (the part of the token before the secret); recorded with every event it writes
 * @param name what the key is for ("incident-tool", "jane's analysis")
 * @param orgUnits roots of the subtrees covered: {@code acme/eng} covers {@code acme/eng} and {@code acme/eng/platform}
 */
public record Caller(String keyId, String name, Set<Scope> scopes, List<String> orgUnits) {

    public Caller {
        scopes = Set.copyOf(scopes);
        orgUnits = List.copyOf(orgUnits);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** True when {@code orgUnit} is one of the key's roots or lies below one. */
    public boolean covers(String orgUnit) {
        return covers(orgUnits, orgUnit);
    }

    /** The rule itself, for where only a key's units travel (a command's metadata). */
    public static boolean covers(List<String> roots, String orgUnit) {
        return orgUnit != null && OrgUnits.selfAndAncestors(orgUnit).stream().anyMatch(roots::contains);
    }

    /** @param field the request field naming the unit, or null for the unit of a recorded step */
    public void requireCovers(String field, String orgUnit) {
        if (!covers(orgUnit)) {
            throw new OutsideUnitsException(field, orgUnit);
        }
    }

    /**
     * The subtrees a read for {@code askedUnit} may see: the asked unit when the key covers it; the key's
     * own roots below it when the key covers only part of it (a key for {@code acme/eng} asking for
     * {@code acme} sees {@code acme/eng}); all of the key's roots when nothing is asked. A unit with no part
     * inside the key is refused, so an answer never looks complete when it is not.
     */
    public List<String> unitsToRead(String askedUnit) {
        if (askedUnit == null) {
            return orgUnits;
        }
        if (covers(askedUnit)) {
            return List.of(askedUnit);
        }
        List<String> below = orgUnits.stream()
                .filter(root -> OrgUnits.selfAndAncestors(root).contains(askedUnit))
                .toList();
        if (below.isEmpty()) {
            throw new OutsideUnitsException("orgUnit", askedUnit);
        }
        return below;
    }

    /** The caller of the request this thread serves; fails when there is none (a route left open by mistake). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller on this request");
    }
}
