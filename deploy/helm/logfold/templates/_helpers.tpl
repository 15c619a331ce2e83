{{/* Release-scoped name prefix, at most 63 characters. */}}
{{- define "logfold.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "logfold.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: logfold
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service: call with (dict "root" $ "name" $name). */}}
{{- define "logfold.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* The image of one service: call with (dict "root" $ "svc" $svc). */}}
{{- define "logfold.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- $repo := .svc.image.repository -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry $repo $tag -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* The rendered appsettings.yaml of one service: global.config merged with the service's config (service wins). */}}
{{- define "logfold.config" -}}
{{- mergeOverwrite (deepCopy (.root.Values.global.config | default dict)) (deepCopy (.svc.config | default dict)) | toYaml -}}
{{- end -}}

{{/* Kafka connection of one service: the top-level kafka block with the service's kafka block over it. */}}
{{- define "logfold.kafka" -}}
{{- mergeOverwrite (deepCopy .root.Values.kafka) (deepCopy (.svc.kafka | default dict)) | toYaml -}}
{{- end -}}
