import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lints the chart (strict: warnings fail too, values checked against values.schema.json) and renders
 * it with one values file, writing the manifests where told. Helm's own code does both: helm-java
 * calls Helm's Go library, so this is what `helm lint --strict` and `helm template` would say.
 *
 * <p>Usage: {@code java -cp <helm-java> HelmCheck.java CHART VALUES_FILE|- KUBE_VERSION OUT}
 */
public class HelmCheck {
    public static void main(String[] args) throws Exception {
        Path chart = Path.of(args[0]);
        Path values = args[1].equals("-") ? null : Path.of(args[1]);
        String kubeVersion = args[2];
        Path out = Path.of(args[3]);

        Helm helm = new Helm(chart);
        LintResult lint = helm.lint().strict().call();
        lint.getMessages().forEach(message -> System.err.println("[lint] " + message));
        if (lint.isFailed()) {
            System.err.println("[lint] FAILED");
            System.exit(1);
        }
        var template = helm.template()
                .withName("learning-loop")
                .withNamespace("learning-loop")
                .withKubeVersion(kubeVersion);
        if (values != null) {
            template = template.withValuesFile(values);
        }
        try {
            Files.writeString(out, template.call());
        } catch (IllegalStateException e) { // how helm-java reports Helm's errors (values schema, templates)
            System.err.println("[render] FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.err.println("[render] " + chart.getFileName() + (values == null ? "" : " with " + values.getFileName())
                + " -> " + out);
    }
}
