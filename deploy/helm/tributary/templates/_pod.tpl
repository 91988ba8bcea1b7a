{{/* The pod spec of every Tributary process: (dict "root" $ "settings" <ingest values or merged group>
     "role" "ingest|dispatcher" "configKey" "<key in the ConfigMap>"). */}}
{{- define "tributary.podSpec" -}}
{{- $root := .root }}
{{- $values := .root.Values -}}
serviceAccountName: {{ include "tributary.serviceAccountName" $root }}
# The process never calls the Kubernetes API.
automountServiceAccountToken: false
{{- with $values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml $values.podSecurityContext | nindent 2 }}
terminationGracePeriodSeconds: {{ .settings.terminationGracePeriodSeconds | int }}
{{- with $values.extraInitContainers }}
initContainers:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: tributary
    image: {{ include "tributary.image" $root }}
    imagePullPolicy: {{ $values.image.pullPolicy }}
    args:
      - run
      - --config
      - /etc/tributary/tributary.yaml
      - --role
      - {{ .role }}
      # Probes and scrapes come from the pod network.
      - --admin-host
      - 0.0.0.0
      - --admin-port
      - {{ $values.admin.port | quote }}
    env:
      - name: JAVA_TOOL_OPTIONS
        value: {{ $values.jvm.options | quote }}
      - name: TRIBUTARY_LOG_FORMAT
        value: {{ $values.logFormat | quote }}
      {{- range $values.secretEnv.vars }}
      - name: {{ .name }}
        valueFrom:
          secretKeyRef:
            name: {{ .secretName }}
            key: {{ .key }}
      {{- end }}
      {{- with $values.extraEnv }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    {{- with $values.secretEnv.fromSecrets }}
    envFrom:
      {{- range . }}
      - secretRef:
          name: {{ . }}
      {{- end }}
    {{- end }}
    ports:
      - name: admin
        containerPort: {{ $values.admin.port | int }}
        protocol: TCP
      {{- if eq .role "ingest" }}
      {{- with $values.ingest.config.http }}
      - name: http
        containerPort: {{ .port | default 8080 | int }}
        protocol: TCP
      {{- end }}
      {{- end }}
    # Started: the JVM is up and the admin endpoint answers; Kafka may still be joining.
    startupProbe:
      httpGet:
        path: /health/live
        port: admin
      periodSeconds: 2
      failureThreshold: 60
    livenessProbe:
      httpGet:
        path: /health/live
        port: admin
      periodSeconds: 10
      timeoutSeconds: 3
      failureThreshold: 3
    # Ready: every dispatcher of the process runs, and ingest's publisher reaches Kafka.
    readinessProbe:
      httpGet:
        path: /health/ready
        port: admin
      periodSeconds: 5
      timeoutSeconds: 3
      failureThreshold: 2
    {{- /* The sleep action needs Kubernetes 1.30; the image has no shell for an exec sleep. */}}
    {{- if and (eq .role "ingest") (gt (int .settings.preStopSleepSeconds) 0) (semverCompare ">=1.30-0" $root.Capabilities.KubeVersion.Version) }}
    lifecycle:
      preStop:
        sleep:
          seconds: {{ .settings.preStopSleepSeconds | int }}
    {{- end }}
    resources:
      {{- toYaml .settings.resources | nindent 6 }}
    securityContext:
      {{- toYaml $values.securityContext | nindent 6 }}
    volumeMounts:
      - name: config
        mountPath: /etc/tributary/tributary.yaml
        subPath: {{ .configKey }}
        readOnly: true
      - name: tmp
        mountPath: /tmp
      {{- if $values.functionsVolume }}
      - name: functions
        mountPath: /etc/tributary/functions
        readOnly: true
      {{- end }}
volumes:
  - name: config
    configMap:
      name: {{ include "tributary.fullname" $root }}-config
  - name: tmp
    emptyDir:
      sizeLimit: {{ $values.tmpVolume.sizeLimit }}
  {{- with $values.functionsVolume }}
  - name: functions
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- with .settings.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .settings.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .settings.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .settings.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Pod annotations for annotation-based Prometheus scraping, when metrics.podAnnotations is on. */}}
{{- define "tributary.scrapeAnnotations" -}}
{{- if .Values.metrics.podAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.admin.port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end }}
