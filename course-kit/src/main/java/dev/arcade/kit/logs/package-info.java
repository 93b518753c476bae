/** What CloudWatch Logs does with stored configuration that the emulators only store: metric filters. */
package dev.arcade.kit.logs;
