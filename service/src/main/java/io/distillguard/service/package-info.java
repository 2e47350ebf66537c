/**
 * The live service: durable ingest into an event log, streaming detection over the log, and decisions for gateways.
 */
package io.distillguard.service;
