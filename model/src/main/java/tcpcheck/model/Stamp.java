package tcpcheck.model;

/**
 * The ghost fields of a segment (docs/specification.md, The system), read only by the properties: the connection number of its sender
 * (A numbers its opens 1, 2, …; B stamps the number it adopted from the SYN), and for a data segment its index in
 * the sender's stream. The protocol code never sees a stamp.
 */
public record Stamp(int connection, int dataIndex) {
}
