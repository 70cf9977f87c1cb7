package com.virtpanel.api;

/**
 * Marks request bodies of the API. They are read by a strict JSON mapper (see
 * {@link StrictJsonConfig}): unknown fields, wrong types and duplicate keys are errors.
 */
interface ApiRequest {
}
