package tcpcheck.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Engine;
import tcpcheck.checker.ModelSource;

/**
 * The breadth-first search on Apache Spark ({@code --engine spark}): see {@link SparkSearch}. With no master, or a
 * {@code local[N]} one, Spark runs embedded in this JVM (no installation); with {@code spark://HOST:PORT},
 * {@code yarn} or {@code k8s://…} it runs on that cluster, this JVM being the driver, and the executors are sent the
 * jars of the engine and of the model ({@code spark.jars}, unless it is set). Under {@code spark-submit} the master
 * and the jars are those it was given.
 */
public final class SparkEngine implements Engine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public <S, A> CheckResult<S, A> check(ModelSource<S, A> source, Options options) {
        String master = options.master() != null ? options.master() : "local[" + options.threads() + "]";
        JavaSparkContext sc = context(master, source.getClass());
        int partitions = Math.max(2, 2 * sc.defaultParallelism());
        return new SparkSearch<>(sc, source, options, partitions).run();
    }

    /** One context per JVM, kept for the next check on the same master, stopped when the JVM ends. */
    private static JavaSparkContext context;
    private static String contextMaster;

    private static synchronized JavaSparkContext context(String master, Class<?> sourceClass) {
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
                .setIfMissing("spark.ui.showConsoleProgress", "false")
                // States travel as long[]: Kryo writes them far faster than Java's serialization.
                .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            // The executors load the model and this engine from the jars they came from (Spark itself they have).
            java.util.Set<String> jars = new java.util.LinkedHashSet<>();
            jars.addAll(java.util.Arrays.asList(JavaSparkContext.jarOfClass(SparkEngine.class)));
            jars.addAll(java.util.Arrays.asList(JavaSparkContext.jarOfClass(sourceClass)));
            jars.addAll(java.util.Arrays.asList(JavaSparkContext.jarOfClass(tcpcheck.checker.Model.class)));
            conf.setJars(jars.toArray(new String[0]));
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
