/**
 * The CloudWatch embedded metric format, as the Amazon CloudWatch User Guide specifies it in
 * "Specification: Embedded metric format": a validator with precise reasons, and the extraction of the
 * metrics CloudWatch Logs creates from a valid document. No emulator extracts them.
 *
 * <pre>{@code
 * EmfDocument doc = EmbeddedMetricFormat.read(logLine);
 * doc.emf();        // an _aws document at all?
 * doc.problems();   // ["_aws.CloudWatchMetrics[0].Dimensions[0] names the dimension \"Game\", but ..."]
 * doc.metrics();    // namespace, name, unit, dimensions, values, storage resolution, timestamp
 * }</pre>
 *
 * <p>Not modelled yet: publishing the metrics of a function's EMF lines to the backend (the kit's next
 * step), the 256 KB event size and CloudWatch's limits on metric age.
 */
package dev.arcade.evaluators.emf;
