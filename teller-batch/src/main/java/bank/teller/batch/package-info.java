/**
 * Jakarta Batch jobs (job XML in META-INF/batch-jobs) and the service that starts them and reads
 * their history from the JDBC job repository. Artifacts delegate the work to application services.
 */
package bank.teller.batch;
