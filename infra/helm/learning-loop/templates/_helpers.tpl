{{/* Names and labels shared by every object of the chart. */}}
{{- define "ll.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object; with "ll.selector" beside them, or "ll.instance" where there is none. */}}
{{- define "ll.labels" -}}
app.kubernetes.io/part-of: learning-loop
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "ll.instance" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "svc" $svc). */}}
{{- define "ll.selector" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ll.objectName" -}}
{{- printf "%s-%s" (include "ll.fullname" .root) .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* An environment variable from a key of an existing Secret. */}}
{{- define "ll.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}
