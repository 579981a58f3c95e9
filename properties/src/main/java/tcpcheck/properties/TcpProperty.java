package tcpcheck.properties;

import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.TcpState;

/**
 * One property of docs/specification.md (Properties), as the engine checks it: the engine properties whose verdicts make the property's
 * verdict, and those that report violations found only in behaviours where an endpoint gave up or crashed ("after
 * an abort"), apart from the rest.
 *
 * @param verdict engine properties that decide the verdict; it is VIOLATED when one of them is (the shortest
 *        counterexample is kept), INCOMPLETE when none is and one is incomplete, HOLDS otherwise
 * @param afterAbort engine properties whose violations happen only after an abort
 */
public record TcpProperty(String name, String description, List<Property<TcpState, Action>> verdict,
                          List<Property<TcpState, Action>> afterAbort) {
}
