package org.guangsha.shenzhen.rental.internal.store;

import java.sql.Date;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A family's rank on a waiting list on a day (SZ-1) in {@code SZR_WAITING_RANK}. */
@Entity
@Table(name = "SZR_WAITING_RANK")
public class WaitingRankEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LIST_TYPE", length = 10)
    private String listType;

    @Column(name = "ID_NUMBER", length = 18)
    private String idNumber;

    @Column(name = "NAME", length = 50)
    private String name;

    @Column(name = "RANK_NO")
    private int rankNo;

    @Column(name = "AS_OF")
    private Date asOf;

    /** For JPA. */
    protected WaitingRankEntity() {}

    /** A new row with its id. */
    public WaitingRankEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String listType() {
        return listType;
    }

    public void listType(String value) {
        this.listType = value;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public int rankNo() {
        return rankNo;
    }

    public void rankNo(int value) {
        this.rankNo = value;
    }

    public LocalDate asOf() {
        return asOf == null ? null : asOf.toLocalDate();
    }

    public void asOf(LocalDate value) {
        this.asOf = value == null ? null : Date.valueOf(value);
    }
}
