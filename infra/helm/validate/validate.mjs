// Validates rendered manifests in three layers, each of which catches what the others cannot:
//   1. schema: every object against the Kubernetes OpenAPI schema of its kind (kubernetes-models'
//      validators: types, required fields, enums, formats). These schemas allow unknown fields.
//   2. strict: every object as a TypeScript literal of its kind's interface (kubernetes-models' types),
//      so a misspelt or misplaced field (imagePullPolcy, a probe one level too deep) is an error, as
//      the API server's strict field validation would make it.
//   3. rules: what this chart promises (probes on the actuator groups, resources, non-root with a
//      read-only root, credentials only from Secrets, a PDB and NetworkPolicy for every pod, every
//      LL_* setting the services' application.yml cannot do without is set, none that they do not read).
//
// Usage: node validate.mjs MANIFESTS.yaml            exit 0 when all three pass, 1 otherwise
//        node validate.mjs --self-test MANIFESTS.yaml breaks valid manifests in known ways and exits 0
//                                                     only if every break is caught by its layer
import { readFileSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");

/** Kubernetes reads manifests as YAML 1.1 (sigs.k8s.io/yaml): 0440 is octal there, decimal in 1.2. */
function load(file) {
    return YAML.parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1" })
        .map((doc) => {
            if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
            return doc.toJS();
        })
        .filter((doc) => doc && typeof doc === "object");
}

const label = (doc) => `${doc.kind}/${doc.metadata?.name}`;
const modulePath = (doc) => `kubernetes-models/${doc.apiVersion}/${doc.kind}`;

// ---- 1. schema -------------------------------------------------------------------------------------
async function schemaErrors(docs) {
    const errors = [];
    for (const doc of docs) {
        let Model;
        try {
            Model = (await import(modulePath(doc)))[doc.kind];
        } catch {
            errors.push(`${label(doc)}: no schema for ${doc.apiVersion} ${doc.kind}`);
            continue;
        }
        try {
            new Model(doc).validate();
        } catch (e) {
            errors.push(`${label(doc)}: ${e.message}`);
        }
    }
    return errors;
}

// ---- 2. strict -------------------------------------------------------------------------------------
function strictErrors(docs) {
    const dir = join(here, "build");
    mkdirSync(dir, { recursive: true });
    const lines = [];
    const owners = []; // line number -> document index
    docs.forEach((doc, i) => {
        lines.push(`import type { I${doc.kind} as T${i} } from "${modulePath(doc)}";`);
        owners.push(i);
    });
    docs.forEach((doc, i) => {
        for (const line of `export const d${i}: T${i} = ${JSON.stringify(doc, null, 1)};`.split("\n")) {
            lines.push(line);
            owners.push(i);
        }
    });
    const file = join(dir, "manifests.ts");
    writeFileSync(file, lines.join("\n") + "\n");
    const program = ts.createProgram([file], {
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
        if (!d.file) return text;
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${label(docs[owners[line]])}: ${text}`;
    });
    rmSync(dir, { recursive: true, force: true });
    return errors;
}

// ---- 3. the chart's rules --------------------------------------------------------------------------
const isSubset = (small = {}, big = {}) => Object.entries(small).every(([k, v]) => big[k] === v);
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|_KEY$/;

/** The LL_* placeholders of a service's application.yml: name -> default ("" when empty, null when none). */
function placeholders(service) {
    const yml = readFileSync(join(repo, service, "src/main/resources/application.yml"), "utf8");
    const found = new Map();
    for (const [, name, dflt] of yml.matchAll(/\$\{(LL_[A-Z0-9_]+)(?::([^}]*))?\}/g)) {
        found.set(name, dflt === undefined ? null : dflt);
    }
    return found;
}

function ruleErrors(docs) {
    const errors = [];
    const of = (kind) => docs.filter((d) => d.kind === kind);
    const configMaps = new Map(of("ConfigMap").map((c) => [c.metadata.name, c.data ?? {}]));
    const policies = of("NetworkPolicy");
    const workloads = [...of("Deployment"), ...of("Job")];

    if (of("Secret").length) errors.push(`the chart renders Secrets (${of("Secret").map(label)}): reference existing ones`);

    for (const w of workloads) {
        const pod = w.spec.template;
        const podLabels = pod.metadata?.labels ?? {};
        const where = label(w);
        if (pod.spec.securityContext?.runAsNonRoot !== true) errors.push(`${where}: pod securityContext.runAsNonRoot is not true`);
        if (pod.spec.automountServiceAccountToken !== false) errors.push(`${where}: service account token mounted`);
        const selected = policies.filter((p) => isSubset(p.spec.podSelector?.matchLabels, podLabels));
        if (!selected.some((p) => p.spec.policyTypes?.includes("Ingress")) || !selected.some((p) => p.spec.policyTypes?.includes("Egress"))) {
            errors.push(`${where}: no NetworkPolicy limits both its ingress and egress`);
        }
        for (const volume of pod.spec.volumes ?? []) {
            if (volume.configMap && !configMaps.has(volume.configMap.name)) errors.push(`${where}: volume ${volume.name} names a missing ConfigMap ${volume.configMap.name}`);
        }
        for (const c of pod.spec.containers) {
            const at = `${where} container ${c.name}`;
            const sc = c.securityContext ?? {};
            if (sc.readOnlyRootFilesystem !== true) errors.push(`${at}: root filesystem not read-only`);
            if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}: privilege escalation allowed`);
            if (!sc.capabilities?.drop?.includes("ALL")) errors.push(`${at}: capabilities not dropped`);
            if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) {
                errors.push(`${at}: needs requests.cpu, requests.memory and limits.memory`);
            }
            for (const e of c.env ?? []) {
                if (SECRET_NAME.test(e.name) && (e.value !== undefined || !e.valueFrom?.secretKeyRef)) {
                    errors.push(`${at}: ${e.name} must come from a Secret (secretKeyRef), not a literal or a ConfigMap`);
                }
            }
            for (const ref of c.envFrom ?? []) {
                if (ref.configMapRef && !configMaps.has(ref.configMapRef.name)) errors.push(`${at}: envFrom names a missing ConfigMap ${ref.configMapRef.name}`);
                for (const name of Object.keys(configMaps.get(ref.configMapRef?.name) ?? {})) {
                    if (SECRET_NAME.test(name)) errors.push(`${at}: ${name} is in a ConfigMap; credentials belong in a Secret`);
                }
            }
        }
    }

    for (const d of of("Deployment")) {
        const where = label(d);
        const pod = d.spec.template;
        const podLabels = pod.metadata.labels;
        const [c] = pod.spec.containers;
        const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
        const probe = (name, path) => {
            const p = c[name];
            if (p?.httpGet?.path !== path) errors.push(`${where}: ${name} must GET ${path}, has ${JSON.stringify(p?.httpGet?.path)}`);
            else if (!ports.has(p.httpGet.port)) errors.push(`${where}: ${name} port ${p.httpGet.port} is not a container port`);
        };
        probe("startupProbe", "/actuator/health/liveness");
        probe("livenessProbe", "/actuator/health/liveness");
        probe("readinessProbe", "/actuator/health/readiness");
        if ((d.spec.replicas ?? 1) < 2) errors.push(`${where}: fewer than 2 replicas: a drain or a crash stops the service`);
        if (!of("PodDisruptionBudget").some((b) => isSubset(b.spec.selector?.matchLabels, podLabels))) errors.push(`${where}: no PodDisruptionBudget`);
        const services = of("Service").filter((s) => isSubset(s.spec.selector, podLabels));
        if (services.length !== 1) errors.push(`${where}: ${services.length} Services select it, want 1`);

        // Every setting the service's application.yml has no usable default for is set; nothing set that it does not read.
        let wanted;
        try {
            wanted = placeholders(c.name);
        } catch {
            errors.push(`${where}: container ${c.name} is no module with an application.yml`);
            continue;
        }
        const set = new Map();
        for (const ref of c.envFrom ?? []) for (const [k, v] of Object.entries(configMaps.get(ref.configMapRef?.name) ?? {})) set.set(k, v);
        for (const e of c.env ?? []) set.set(e.name, e.value ?? "(from a Secret)");
        for (const [name, dflt] of wanted) {
            if ((dflt === null || dflt === "") && !set.has(name) && name !== "LL_ROOT_CAUSE_THEMES") {
                errors.push(`${where}: ${name} is not set and has no default in ${c.name}/application.yml`);
            }
        }
        for (const name of set.keys()) {
            if (name.startsWith("LL_") && !wanted.has(name)) errors.push(`${where}: sets ${name}, which ${c.name}/application.yml does not read`);
        }
        if (set.get("LL_BIND_ADDRESS") !== "0.0.0.0") errors.push(`${where}: LL_BIND_ADDRESS must be 0.0.0.0 (loopback is unreachable in a pod)`);
    }

    for (const s of of("Service")) {
        const pods = of("Deployment").filter((d) => isSubset(s.spec.selector, d.spec.template.metadata.labels));
        if (pods.length !== 1) errors.push(`${label(s)}: selects ${pods.length} Deployments, want 1`);
    }
    return errors;
}

async function validate(docs) {
    return { schema: await schemaErrors(docs), strict: strictErrors(docs), rules: ruleErrors(docs) };
}

function report(results) {
    let failed = 0;
    for (const [layer, errors] of Object.entries(results)) {
        console.log(`[validate] ${layer}: ${errors.length ? `${errors.length} error(s)` : "ok"}`);
        for (const e of errors) console.log(`  - ${e}`);
        failed += errors.length;
    }
    return failed;
}

// ---- self-test: each layer must catch a break made for it --------------------------------------------
const firstDeployment = (docs) => docs.find((d) => d.kind === "Deployment");
const breaks = [
    ["schema", "replicas as a string", (docs) => { firstDeployment(docs).spec.replicas = "two"; }],
    ["schema", "a probe without a port", (docs) => { delete firstDeployment(docs).spec.template.spec.containers[0].readinessProbe.httpGet.port; }],
    ["strict", "a misspelt container field", (docs) => { firstDeployment(docs).spec.template.spec.containers[0].imagePullPolcy = "Always"; }],
    ["strict", "a field one level too deep", (docs) => { firstDeployment(docs).spec.template.spec.replicas = 2; }],
    ["rules", "no readiness probe", (docs) => { delete firstDeployment(docs).spec.template.spec.containers[0].readinessProbe; }],
    ["rules", "a password as a literal", (docs) => { firstDeployment(docs).spec.template.spec.containers[0].env.push({ name: "LL_KAFKA_X_PASSWORD", value: "p" }); }],
    ["rules", "a writable root filesystem", (docs) => { firstDeployment(docs).spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }],
    ["rules", "a required setting missing", (docs) => {
        const d = firstDeployment(docs);
        d.spec.template.spec.containers[0].env = d.spec.template.spec.containers[0].env.filter((e) => !/KAFKA_.*_PASSWORD/.test(e.name));
    }],
    ["rules", "no PodDisruptionBudget", (docs) => { docs.splice(0, docs.length, ...docs.filter((d) => d.kind !== "PodDisruptionBudget")); }],
    ["rules", "a Secret rendered", (docs) => { docs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { a: "b" } }); }],
];

const args = process.argv.slice(2);
const selfTest = args[0] === "--self-test";
const file = selfTest ? args[1] : args[0];
const docs = load(file);
console.log(`[validate] ${file}: ${docs.length} objects (${[...new Set(docs.map((d) => `${d.apiVersion} ${d.kind}`))].join(", ")})`);

if (!selfTest) {
    process.exit(report(await validate(docs)) ? 1 : 0);
}

const clean = await validate(docs);
if (report(clean)) {
    console.log("[self-test] the manifests must be valid before they are broken");
    process.exit(1);
}
let caught = 0;
for (const [layer, what, breakIt] of breaks) {
    const broken = structuredClone(docs);
    breakIt(broken);
    const errors = (await validate(broken))[layer];
    const ok = errors.length > 0;
    caught += ok ? 1 : 0;
    console.log(`[self-test] ${ok ? "caught" : "MISSED"} by ${layer}: ${what}${ok ? ` (${errors[0].slice(0, 140)})` : ""}`);
}
console.log(`${caught} passed, ${breaks.length - caught} failed`);
process.exit(caught === breaks.length ? 0 : 1);
