--------------------------- MODULE AlternatingBit ---------------------------
(* The alternating-bit protocol over FIFO channels of capacity Cap that lose *)
(* any message and duplicate the head; as tcpcheck's AlternatingBit model.   *)
(* A data message is encoded bit * M + msg, an acknowledgement by its bit.   *)
EXTENDS Naturals, Sequences
CONSTANTS M, Cap
VARIABLES sbit, sent, rbit, delivered, wrong, data, acks
vars == <<sbit, sent, rbit, delivered, wrong, data, acks>>

Init == /\ sbit = 0 /\ sent = 0 /\ rbit = 0 /\ delivered = 0 /\ wrong = FALSE
        /\ data = <<>> /\ acks = <<>>

Remove(q, i) == [j \in 1..(Len(q) - 1) |-> IF j < i THEN q[j] ELSE q[j + 1]]

Send == /\ sent < M
        /\ Len(data) < Cap
        /\ data' = Append(data, sbit * M + sent)
        /\ UNCHANGED <<sbit, sent, rbit, delivered, wrong, acks>>

DeliverData ==
  /\ Len(data) > 0
  /\ LET m == Head(data)
         bit == m \div M
         msg == m % M
     IN /\ data' = Tail(data)
        /\ acks' = IF Len(acks) < Cap THEN Append(acks, bit) ELSE acks
        /\ IF bit = rbit
              THEN /\ rbit' = 1 - rbit
                   /\ delivered' = IF delivered + 1 > M THEN M ELSE delivered + 1
                   /\ wrong' = (wrong \/ msg # delivered)
              ELSE UNCHANGED <<rbit, delivered, wrong>>
  /\ UNCHANGED <<sbit, sent>>

DeliverAck ==
  /\ Len(acks) > 0
  /\ acks' = Tail(acks)
  /\ IF Head(acks) = sbit /\ sent < M
        THEN /\ sbit' = 1 - sbit
             /\ sent' = sent + 1
        ELSE UNCHANGED <<sbit, sent>>
  /\ UNCHANGED <<rbit, delivered, wrong, data>>

LoseData == /\ \E i \in 1..Len(data) : data' = Remove(data, i)
            /\ UNCHANGED <<sbit, sent, rbit, delivered, wrong, acks>>
LoseAck  == /\ \E i \in 1..Len(acks) : acks' = Remove(acks, i)
            /\ UNCHANGED <<sbit, sent, rbit, delivered, wrong, data>>
DupData  == /\ Len(data) > 0 /\ Len(data) < Cap
            /\ data' = <<Head(data)>> \o data
            /\ UNCHANGED <<sbit, sent, rbit, delivered, wrong, acks>>
DupAck   == /\ Len(acks) > 0 /\ Len(acks) < Cap
            /\ acks' = <<Head(acks)>> \o acks
            /\ UNCHANGED <<sbit, sent, rbit, delivered, wrong, data>>

Next == Send \/ DeliverData \/ DeliverAck \/ LoseData \/ LoseAck \/ DupData \/ DupAck

InOrder == ~wrong
=============================================================================
