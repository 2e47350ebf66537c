/**
 * The command line and the local engine: {@code simulate}, {@code scan} and {@code eval}. Commands parse flags and
 * wire the core stages to files; they hold no detection logic of their own.
 */
package io.distillguard.app;
