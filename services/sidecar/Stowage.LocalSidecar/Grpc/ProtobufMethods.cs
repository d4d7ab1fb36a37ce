using Google.Protobuf;
using Grpc.Core;

namespace Stowage.LocalSidecar.Grpc;

/// Builds gRPC method descriptors over protobuf message types, because the Dapr packages ship client stubs only.
internal static class ProtobufMethods
{
    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, service, name, MarshallerFor<TRequest>(), MarshallerFor<TResponse>());

    public static Method<TRequest, TResponse> ServerStreaming<TRequest, TResponse>(string service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.ServerStreaming, service, name, MarshallerFor<TRequest>(), MarshallerFor<TResponse>());

    private static Marshaller<T> MarshallerFor<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
