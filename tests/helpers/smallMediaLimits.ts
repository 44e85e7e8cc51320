// Imported FIRST by tests that exercise size limits: small limits, set before payload.config is
// evaluated (the streaming limit is read when the config is built).
process.env.MEDIA_MAX_IMAGE_MB = '1'
process.env.MEDIA_MAX_AUDIO_MB = '1'
process.env.MEDIA_MAX_VIDEO_MB = '2'
process.env.MEDIA_MAX_DOCUMENT_MB = '1'
process.env.MEDIA_MAX_CAPTIONS_MB = '0.1'
export {}
