{{/* Names, labels and the per-process configuration files shared by the templates. */}}

{{- define "tributary.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tributary.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "tributary.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "tributary.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* The name of a component's objects: (dict "root" $ "component" "ingest") or with "group" for a dispatcher group. */}}
{{- define "tributary.componentName" -}}
{{- if .group }}
{{- printf "%s-dispatcher-%s" (include "tributary.fullname" .root) .group | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" (include "tributary.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "tributary.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tributary.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "tributary.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* Selector labels: (dict "root" $ "component" "ingest|dispatcher" "group" "name or empty"). Never change them
     after a release: a Deployment's selector is immutable. */}}
{{- define "tributary.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tributary.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- if .group }}
tributary.dev/group: {{ .group }}
{{- end }}
{{- end }}

{{- define "tributary.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: tributary
{{ include "tributary.selectorLabels" . }}
{{- end }}

{{/* The tributary.yaml of the ingest processes: the shared sections plus `ingest`. */}}
{{- define "tributary.ingestConfig" -}}
{{- $doc := deepCopy .Values.config }}
{{- $_ := set $doc "ingest" .Values.ingest.config }}
{{- toYaml $doc }}
{{- end }}

{{/* The tributary.yaml of one dispatcher group: (dict "root" $ "group" $g), the shared sections plus the
     group's functions. */}}
{{- define "tributary.dispatcherConfig" -}}
{{- $doc := deepCopy .root.Values.config }}
{{- $_ := set $doc "functions" .group.functions }}
{{- toYaml $doc }}
{{- end }}

{{/* A dispatcher group with dispatchers.defaults filled in, as YAML: (dict "root" $ "group" .). Used as
     $g := include "tributary.group" ... | fromYaml. Merged by hand, two levels deep, because sprig's
     mergeOverwrite skips false and 0 and so could not turn a default off. */}}
{{- define "tributary.group" -}}
{{- $g := deepCopy .root.Values.dispatchers.defaults }}
{{- range $key, $value := .group }}
{{- $default := get $g $key }}
{{- if and (kindIs "map" $value) (kindIs "map" $default) }}
{{- $merged := deepCopy $default }}
{{- range $k, $v := $value }}
{{- $_ := set $merged $k $v }}
{{- end }}
{{- $_ := set $g $key $merged }}
{{- else }}
{{- $_ := set $g $key $value }}
{{- end }}
{{- end }}
{{- toYaml $g }}
{{- end }}

{{/* "true" when KEDA or an HPA owns the group's replica count: (dict "root" $ "group" $g). */}}
{{- define "tributary.autoscaled" -}}
{{- if and .group.autoscaling.enabled (has .root.Values.autoscaling.mode (list "keda" "hpa")) }}true{{ end }}
{{- end }}

{{/* The group's function names as a Prometheus regular expression: a|b|c (names are [a-z0-9-]). */}}
{{- define "tributary.functionRegex" -}}
{{- $names := list }}
{{- range .functions }}
{{- $names = append $names .name }}
{{- end }}
{{- join "|" $names }}
{{- end }}

{{/* Label matchers of a group's queries: function=~"a|b" plus autoscaling.keda.prometheus.selector. */}}
{{- define "tributary.matchers" -}}
function=~"{{ include "tributary.functionRegex" .group }}"
{{- with .root.Values.autoscaling.keda.prometheus.selector }},{{ . }}{{ end }}
{{- end }}
