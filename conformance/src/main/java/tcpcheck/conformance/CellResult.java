package tcpcheck.conformance;

import tcpcheck.model.ConnectionState;

/**
 * The outcome of one cell: what the model answered (the segments it sent, named relative to what the peer knew, and
 * the state it went to), the same for the other variant of the pair rfc9293-rfc1337 / rfc9293-text, and the
 * kernel's answer and state as {@code ss} shows it. {@code problem} says why the cell could not be compared (a setup
 * that went another way on the kernel), else it is null.
 */
record CellResult(Matrix.Cell cell, String modelAnswer, ConnectionState modelState, String alternativeAnswer,
                  ConnectionState alternativeState, String kernelAnswer, ConnectionState kernelState,
                  String problem) {

    /** The answer and the state as one text: "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> → ESTABLISHED". */
    static String outcome(String answer, ConnectionState state) {
        return answer + " → " + state;
    }

    String model() {
        return outcome(modelAnswer, modelState);
    }

    String alternative() {
        return outcome(alternativeAnswer, alternativeState);
    }

    String kernel() {
        return problem != null ? problem : outcome(kernelAnswer, kernelState);
    }

    boolean agrees() {
        return problem == null && model().equals(kernel());
    }

    boolean alternativeAgrees() {
        return problem == null && alternative().equals(kernel());
    }

    CellResult withProblem(String p) {
        return new CellResult(cell, modelAnswer, modelState, alternativeAnswer, alternativeState, kernelAnswer,
                kernelState, p);
    }

    /** Whether the two variants answer this cell differently. */
    boolean variantsDiffer() {
        return !model().equals(alternative());
    }
}
