/**
 * Implementation of the chat-completions reviewer: the HTTP exchange with retries, the request
 * body and answer schema, strict reading of the answer, redaction of the API key.
 * <b>Not public API: may change without notice.</b>
 */
package io.github.quantfolio.llm.internal;
