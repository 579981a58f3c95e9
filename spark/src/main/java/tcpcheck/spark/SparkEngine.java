package tcpcheck.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Engine;
import tcpcheck.checker.ModelSource;

/**
 * The breadth-first search on Apache Spark ({@code --engine spark}): see {@link SparkSearch}. With no master, or a
 * {@code local[N]} one, Spark runs embedded in this JVM (no installation); with {@code spark://HOST:PORT},
 * {@code yarn} or {@code k8s://…} it runs on that cluster, as the driver of a job submitted from here (the
 * executors need this module's jar and its dependencies on their class path; see the module's README). A context
 * that already runs in this JVM (under {@code spark-submit}) is used as it is.
 */
public final class SparkEngine implements Engine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public <S, A> CheckResult<S, A> check(ModelSource<S, A> source, Options options) {
        String master = options.master() != null ? options.master() : "local[" + options.threads() + "]";
        JavaSparkContext sc = context(master);
        int partitions = Math.max(2, 2 * sc.defaultParallelism());
        return new SparkSearch<>(sc, source, options, partitions).run();
    }

    /** One context per JVM, kept for the next check on the same master, stopped when the JVM ends. */
    private static JavaSparkContext context;
    private static String contextMaster;

    private static synchronized JavaSparkContext context(String master) {
        if (context != null && master.equals(contextMaster)) {
            return context;
        }
        if (context != null) {
            context.stop();
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(SparkEngine::stop, "tcpcheck-spark-stop"));
        }
        SparkConf conf = new SparkConf().setAppName("tcpcheck").setIfMissing("spark.master", master)
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        context = new JavaSparkContext(conf);
        contextMaster = master;
        return context;
    }

    private static synchronized void stop() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
