"""The instance usage audit log on the wire."""


def audit_log(log):
    return {
        'hosts_not_run': list(log.hosts_not_run),
        'log': dict(log.log),
        'num_hosts': len(log.hosts),
        'num_hosts_done': log.hosts_done,
        'num_hosts_not_run': len(log.hosts_not_run),
        'num_hosts_running': log.hosts_running,
        'overall_status': log.overall_status,
        'period_beginning': str(log.period_beginning),
        'period_ending': str(log.period_ending),
        'total_errors': log.total_errors,
        'total_instances': log.total_instances,
    }


def index(log):
    return {'instance_usage_audit_logs': audit_log(log)}


def show(log):
    return {'instance_usage_audit_log': audit_log(log)}
