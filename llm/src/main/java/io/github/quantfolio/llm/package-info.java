/**
 * {@link io.github.quantfolio.llm.ChatCompletionsReviewer}: a
 * {@link io.github.quantfolio.core.adapters.TradeReviewer} that asks a language model through an
 * OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM, llama.cpp) for a structured
 * approve / reject / resize answer, on {@code java.net.http}. The prompt is
 * {@link io.github.quantfolio.llm.ReviewPrompt}. Every failure (HTTP, timeout, an answer that
 * does not fit the schema) is a REJECT with confidence 0 saying what went wrong; the API key
 * never appears in any decision, message or {@code toString()}. See {@code docs/llm-reviewer.md}.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.llm;
