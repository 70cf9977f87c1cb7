package com.virtpanel.base.hosts;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's job store, with its data sources registered in Quartz's JVM-wide DBConnectionManager
 * under names of this store alone rather than under the scheduler's name. A host's scheduler has
 * the same name on every instance, and one JVM may hold several instances (tests: a panel per
 * host): with the shared name the last one made would lend its DataSource to all of them, and a
 * job stored in one instance's transaction would be written outside it.
 */
public class InstanceDataSourceJobStore extends LocalDataSourceJobStore {

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource transactional = SchedulerFactoryBean.getConfigTimeDataSource();
        DataSource plain = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
        DataSource nonTransactional = plain != null ? plain : transactional;
        super.initialize(loadHelper, signaler);
        String suffix = getInstanceName() + "@" + Integer.toHexString(System.identityHashCode(this));
        DBConnectionManager.getInstance().addConnectionProvider(TX_DATA_SOURCE_PREFIX + suffix, new Provider(transactional, true));
        DBConnectionManager.getInstance().addConnectionProvider(NON_TX_DATA_SOURCE_PREFIX + suffix, new Provider(nonTransactional, false));
        setDataSource(TX_DATA_SOURCE_PREFIX + suffix);
        setNonManagedTXDataSource(NON_TX_DATA_SOURCE_PREFIX + suffix);
    }

    /** As Spring's: the transactional one joins the caller's Spring transaction. */
    private record Provider(DataSource dataSource, boolean joinsTransaction) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return joinsTransaction ? DataSourceUtils.doGetConnection(dataSource) : dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the DataSource belongs to the application
        }

        @Override
        public void initialize() {
        }
    }
}
