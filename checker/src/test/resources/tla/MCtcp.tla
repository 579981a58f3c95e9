------------------------------- MODULE MCtcp -------------------------------
(***************************************************************************)
(* The TCP connection state machine of RFC 9293 (section 3.3.2, figure 5   *)
(* and its notes 1 to 3) with sequence numbers abstracted away, after the  *)
(* model that Markus Kuppe wrote for tlaplus/Examples (specifications/tcp: *)
(* tcp.tla and its model MCtcp). Written again here for tcpcheck's         *)
(* cross-validation against TLC: the engine's port of the same system is   *)
(* tcpcheck.checker.models.MCtcp, and the two must agree on every count    *)
(* and verdict (1,182 distinct states; 598 with the peers symmetric).      *)
(*                                                                         *)
(* Two peers. Each has a connection state and may hold a TCB; the network  *)
(* keeps, per peer, the segments on their way to it, oldest first. A step  *)
(* is a user's command, the arrival of the segment at the head of a queue, *)
(* the TIME-WAIT timeout, or a reset (note 3).                             *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC

CONSTANTS A, B

Peers == {A, B}
Other(p) == CHOOSE q \in Peers : q # p

VARIABLES tcb, conn, net
vars == <<tcb, conn, net>>

Segments == {"SYN", "SYN,ACK", "ACK", "RST", "FIN", "ACKofFIN"}
Conns == {"CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED",
          "FIN-WAIT-1", "FIN-WAIT-2", "CLOSING", "CLOSE-WAIT", "LAST-ACK",
          "TIME-WAIT"}

TypeOK == /\ tcb \in [Peers -> BOOLEAN]
          /\ conn \in [Peers -> Conns]
          /\ net \in [Peers -> Seq(Segments)]

(* The model starts after one open of each kind: one peer in SYN-SENT with *)
(* its SYN on the way to the other, in LISTEN.                              *)
Init == \E p \in Peers :
          /\ tcb = [q \in Peers |-> TRUE]
          /\ conn = [q \in Peers |-> IF q = p THEN "SYN-SENT" ELSE "LISTEN"]
          /\ net = [q \in Peers |-> IF q = p THEN <<>> ELSE <<"SYN">>]

(* Peer p goes to state c and its TCB to t, having taken the first k       *)
(* segments of its queue and sent s to the other peer ("" sends nothing).  *)
Go(p, c, t, k, s) ==
  /\ conn' = [conn EXCEPT ![p] = c]
  /\ tcb' = [tcb EXCEPT ![p] = t]
  /\ net' = [q \in Peers |->
               IF q = p THEN SubSeq(net[q], k + 1, Len(net[q]))
               ELSE IF s = "" THEN net[q] ELSE Append(net[q], s)]

Heads(p, seg) == net[p] # <<>> /\ Head(net[p]) = seg

(* A segment arrives (the system's steps).                                 *)
Arrive(p) ==
  \/ conn[p] = "SYN-SENT" /\ Heads(p, "SYN") /\ Go(p, "SYN-RECEIVED", tcb[p], 1, "SYN,ACK")
  \/ conn[p] = "SYN-SENT" /\ Heads(p, "SYN,ACK") /\ Go(p, "ESTABLISHED", tcb[p], 1, "ACK")
  \/ conn[p] = "SYN-RECEIVED" /\ Heads(p, "RST") /\ Go(p, "LISTEN", tcb[p], 1, "")
  \/ conn[p] = "SYN-RECEIVED" /\ Heads(p, "ACK") /\ Go(p, "ESTABLISHED", tcb[p], 1, "")
  \/ conn[p] = "LISTEN" /\ Heads(p, "SYN") /\ Go(p, "SYN-RECEIVED", tcb[p], 1, "SYN,ACK")
  \/ conn[p] = "ESTABLISHED" /\ Heads(p, "FIN") /\ Go(p, "CLOSE-WAIT", tcb[p], 1, "ACKofFIN")
  \/ conn[p] = "FIN-WAIT-1" /\ Heads(p, "FIN") /\ Go(p, "CLOSING", tcb[p], 1, "ACKofFIN")
  \/ conn[p] = "FIN-WAIT-1" /\ Heads(p, "ACKofFIN") /\ Go(p, "FIN-WAIT-2", tcb[p], 1, "")
  \/ conn[p] = "FIN-WAIT-2" /\ Heads(p, "FIN") /\ Go(p, "TIME-WAIT", tcb[p], 1, "ACKofFIN")
  \/ conn[p] = "CLOSING" /\ Heads(p, "ACKofFIN") /\ Go(p, "TIME-WAIT", tcb[p], 1, "")
  \/ conn[p] = "LAST-ACK" /\ Heads(p, "ACKofFIN") /\ Go(p, "CLOSED", tcb[p], 1, "")

(* The 2 MSL timeout of TIME-WAIT deletes the TCB.                          *)
Timeout(p) == conn[p] = "TIME-WAIT" /\ tcb[p] /\ Go(p, "CLOSED", FALSE, 0, "")

(* Note 2: in FIN-WAIT-1, a FIN together with the ACK of our FIN.           *)
FinAndAck(p) ==
  /\ conn[p] = "FIN-WAIT-1"
  /\ Len(net[p]) >= 2 /\ net[p][1] = "FIN" /\ net[p][2] = "ACKofFIN"
  /\ Go(p, "TIME-WAIT", tcb[p], 2, "ACKofFIN")

System == \E p \in Peers : Arrive(p) \/ Timeout(p) \/ FinAndAck(p)

(* Note 3: a peer with a TCB may send a RST (and go to TIME-WAIT); a RST    *)
(* that arrives sends its receiver to LISTEN or to CLOSED.                  *)
Reset == \E p \in Peers :
  \/ tcb[p] /\ Go(p, "TIME-WAIT", tcb[p], 0, "RST")
  \/ Heads(p, "RST") /\ Go(p, "LISTEN", tcb[p], 1, "")
  \/ Heads(p, "RST") /\ Go(p, "CLOSED", tcb[p], 1, "")

(* The users' commands.                                                      *)
ActiveOpen(p) == conn[p] = "CLOSED" /\ Go(p, "SYN-SENT", TRUE, 0, "SYN")
PassiveOpen(p) == conn[p] = "CLOSED" /\ Go(p, "LISTEN", TRUE, 0, "")
SendInListen(p) == conn[p] = "LISTEN" /\ Go(p, "SYN-SENT", tcb[p], 0, "SYN")
CloseInSynSent(p) == conn[p] = "SYN-SENT" /\ Go(p, "CLOSED", FALSE, 0, "")
User == \E p \in Peers :
  \/ ActiveOpen(p) \/ PassiveOpen(p) \/ SendInListen(p) \/ CloseInSynSent(p)
  \/ conn[p] = "SYN-RECEIVED" /\ Go(p, "FIN-WAIT-1", tcb[p], 0, "FIN")
  \/ conn[p] = "LISTEN" /\ Go(p, "CLOSED", FALSE, 0, "")
  \/ conn[p] = "ESTABLISHED" /\ Go(p, "FIN-WAIT-1", tcb[p], 0, "FIN")
  \/ conn[p] = "CLOSE-WAIT" /\ Go(p, "LAST-ACK", tcb[p], 0, "FIN")

Next == System \/ Reset \/ User

(* The system is weakly fair, and so is CLOSE in SYN-SENT, without which a *)
(* peer may wait in SYN-SENT for ever.                                      *)
Spec == Init /\ [][Next]_vars /\ WF_vars(System)
             /\ WF_vars(\E p \in Peers : CloseInSynSent(p))
(* The same without fairness for CLOSE in SYN-SENT.                         *)
SpecWithoutCloseFairness == Init /\ [][Next]_vars /\ WF_vars(System)
(* And that with no behaviour stopping while a step is enabled (Next       *)
(* weakly fair): the semantics of the engine's default, Stuttering.FORBIDDEN. *)
SpecWithoutCloseFairnessNorStopping == SpecWithoutCloseFairness /\ WF_vars(Next)

(* With no segment in flight, the peers agree on being ESTABLISHED.         *)
Inv == (net[A] = <<>> /\ net[B] = <<>>) =>
         (conn[A] = "ESTABLISHED" <=> conn[B] = "ESTABLISHED")

SynSentEnds(p) == conn[p] = "SYN-SENT" ~> conn[p] \in {"ESTABLISHED", "LISTEN", "CLOSED"}
Prop == \A p \in Peers : SynSentEnds(p)

(* The model's bounds: no segment twice in a row in a queue (no            *)
(* retransmissions), and no open after the initial ones.                   *)
NoRetransmission == \A p \in Peers : \A i \in 1..(Len(net[p]) - 1) : net[p][i] # net[p][i + 1]
SingleOpen == ~\E p \in Peers : ActiveOpen(p) \/ PassiveOpen(p) \/ SendInListen(p)

Symmetry == Permutations(Peers)
=============================================================================
