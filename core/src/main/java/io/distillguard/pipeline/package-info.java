/**
 * The stages wired in order. {@link io.distillguard.pipeline.DetectionPipeline} is the first file to read: events in
 * time order go in, verdicts and campaigns come out. Engines (the local scan and service, Flink) only move events and
 * state between these stages.
 */
package io.distillguard.pipeline;
